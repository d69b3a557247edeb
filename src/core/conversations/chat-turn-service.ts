import type { LanguageModelV3 } from '@ai-sdk/provider';
import { defaultFirstTokenTimeoutMs, defaultIdleTimeoutMs, defaultMaxRetries } from '../../llm/chat-stream.js';
import type { Store } from '../../storage/store.js';
import type { ChatbotService } from '../assistants/chatbot-service.js';
import type { ModelSettings } from '../assistants/chatbot.js';
import { toPersonality } from '../assistants/personality.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { RetrieveKnowledge } from './grounding.js';
import { checkEarlierAttempt, requestHash } from './idempotency.js';
import { LiveTurn } from './live-turn.js';
import { ReplayedTurn } from './replayed-turn.js';
import type { SendMessageInput } from './send-message.js';
import type { Turn } from './turn.js';
import { buildTurnPrompt } from './turn-prompt.js';
import { checkSendShape, writeTurn, type WrittenTurn } from './turn-writer.js';

/** A model ready to be called for a user, and what to record about it on the answer. */
export interface ResolvedTurnModel {
  model: LanguageModelV3;
  providerType: string;
  modelName: string;
}

/**
 * Turns a chatbot's model settings into a model, with the given user's provider key; a null
 * `providerId` is the built-in offline responder. Throws the domain's errors for a provider the
 * user cannot see (404) or cannot use (400).
 */
export type ResolveModel = (userId: string, model: Pick<ModelSettings, 'providerId' | 'name'>) => Promise<ResolvedTurnModel>;

/** How long a model may stay silent, and how often a failed call is retried, per turn. */
export interface TurnLimits {
  firstTokenTimeoutMs: number;
  idleTimeoutMs: number;
  maxRetries: number;
}

export const defaultTurnLimits: TurnLimits = {
  firstTokenTimeoutMs: defaultFirstTokenTimeoutMs,
  idleTimeoutMs: defaultIdleTimeoutMs,
  maxRetries: defaultMaxRetries,
};

/**
 * Sends messages to a user's chatbots. A send is checked and placed in the conversation's tree
 * before the model is called, in one transaction that stores the question and an `incomplete`
 * answer; the returned {@link Turn} runs the model call and stores how the answer ended. An
 * archived chatbot cannot chat; a deleted one, or another user's, does not exist.
 */
export class ChatTurnService {
  constructor(
    private readonly store: Store,
    private readonly chatbots: ChatbotService,
    private readonly resolveModel: ResolveModel,
    private readonly retrieveKnowledge: RetrieveKnowledge,
    /** Operators' limits; tests shorten them to meet timeouts quickly. */
    readonly limits: TurnLimits = { ...defaultTurnLimits },
  ) {}

  async start(ownerId: string, chatbotId: string, input: SendMessageInput): Promise<Turn> {
    const chatbot = await this.chatbots.get(ownerId, chatbotId);
    if (chatbot.archivedAt) throw new ConflictError('This chatbot is archived: restore it before chatting with it');
    checkSendShape(input);
    const idempotency = input.idempotencyKey ? { key: input.idempotencyKey, hash: requestHash(chatbotId, input) } : undefined;
    if (idempotency) {
      const replay = await this.replay(ownerId, idempotency);
      if (replay) return replay;
    }
    const [resolved, personality] = await Promise.all([
      this.resolveModel(ownerId, chatbot.model),
      this.store.personalities.findDefaultOwned(chatbotId, ownerId),
    ]);
    const plan = {
      ownerId,
      chatbotId,
      input,
      model: { name: resolved.modelName, providerType: resolved.providerType },
      idempotency,
    };
    let written: WrittenTurn;
    try {
      written = await this.store.transaction((repositories) => writeTurn(repositories, plan));
    } catch (error) {
      // Another request with the same key wrote first: answer as its retry.
      const replay = idempotency && this.store.isUniqueViolation(error) ? await this.replay(ownerId, idempotency) : undefined;
      if (replay) return replay;
      throw error;
    }
    const question = written.branch.findLast((message) => message.role === 'user')?.content ?? '';
    const retrieved = await this.retrieveKnowledge(ownerId, chatbotId, question);
    const passages = retrieved.knowledgeBaseCount > 0 ? retrieved.passages : undefined;
    const prompt = buildTurnPrompt({
      chatbot,
      personality: personality && toPersonality(personality),
      branch: written.branch,
      modelName: resolved.modelName,
      passages,
    });
    return new LiveTurn(
      this.store,
      written.started,
      written.userMessage,
      written.assistantMessage,
      // The offline responder extracts its answers: a temperature would only make the AI SDK
      // print an "unsupported setting" warning on every turn.
      { model: resolved.model, ...prompt, ...(resolved.providerType === 'offline' && { temperature: undefined }), ...this.limits },
      written.idempotencyKeyId,
      passages ?? [],
    );
  }

  /** The earlier send under this key, if there was one; throws when it conflicts with this one. */
  private async replay(ownerId: string, idempotency: { key: string; hash: string }): Promise<Turn | undefined> {
    const earlier = await this.store.idempotencyKeys.find(ownerId, idempotency.key);
    if (!earlier) return undefined;
    checkEarlierAttempt(earlier, idempotency.hash, Date.now());
    const [conversation, userMessage, assistantMessage] = await Promise.all([
      this.store.conversations.findOwned(earlier.conversationId, ownerId),
      this.store.messages.findInConversation(earlier.userMessageId, earlier.conversationId),
      this.store.messages.findInConversation(earlier.assistantMessageId, earlier.conversationId),
    ]);
    if (!conversation || !userMessage || !assistantMessage) throw new NotFoundError('Conversation');
    const started = {
      conversationId: conversation.id,
      title: conversation.title,
      userMessageId: userMessage.id,
      assistantMessageId: assistantMessage.id,
    };
    return new ReplayedTurn(started, userMessage, assistantMessage);
  }
}
