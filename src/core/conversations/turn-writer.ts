import { randomUUID } from 'node:crypto';
import type { ConversationRecord } from '../../storage/repositories/conversations-repository.js';
import type { MessageRow } from '../../storage/repositories/messages-repository.js';
import type { Repositories } from '../../storage/store.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { TurnStarted } from './conversation-stream-event.js';
import { titleFromQuestion } from './conversation-title.js';
import type { SendMessageInput } from './send-message.js';

/** What a send writes, checked for shape (see {@link checkSendShape}). */
export interface TurnPlan {
  ownerId: string;
  chatbotId: string;
  input: SendMessageInput;
  model: { name: string; providerType: string };
  idempotency?: { key: string; hash: string } | undefined;
}

export interface WrittenTurn {
  started: TurnStarted;
  userMessage: MessageRow;
  assistantMessage: MessageRow;
  /** The branch from the root to the question, which is what the model reads. */
  branch: MessageRow[];
  idempotencyKeyId: string | undefined;
}

/** Rejects sends whose fields contradict each other, before anything is read or written. */
export function checkSendShape(input: SendMessageInput): void {
  if (input.parentId !== undefined && !input.conversationId) {
    throw new ValidationError('body.conversationId is required with body.parentId');
  }
  if (input.regenerate) {
    if (typeof input.parentId !== 'string') throw new ValidationError('body.parentId must name the question to answer again');
    if (input.message !== undefined) throw new ValidationError('body.message must be left out when regenerating');
    return;
  }
  if (!input.message?.trim()) throw new ValidationError('body.message is required');
}

/**
 * Writes the start of a turn; run it in one transaction so a turn is either fully placed or not
 * at all: the conversation (new, or the caller's), the end user, the question, the answer in
 * status `incomplete`, the conversation's new current message and the idempotency key.
 */
export async function writeTurn(repositories: Repositories, plan: TurnPlan): Promise<WrittenTurn> {
  const now = new Date().toISOString();
  const { input } = plan;
  const endUserId = input.endUser && (await upsertEndUser(repositories, plan, now));
  const existing = input.conversationId ? await findConversation(repositories, plan, endUserId) : undefined;
  const conversationId = existing?.id ?? randomUUID();
  const parent = existing ? await findParent(repositories, existing, input) : undefined;

  const question = input.regenerate && parent ? parent : newMessage(conversationId, parent, 'user', input.message?.trim() ?? '', now);
  const answer: MessageRow = {
    ...newMessage(conversationId, question, 'assistant', '', now),
    status: 'incomplete',
    modelName: plan.model.name,
    providerType: plan.model.providerType,
  };
  const title = existing?.title ?? titleFromQuestion(question.content);
  if (existing) {
    await repositories.conversations.setCurrentMessage(conversationId, answer.id, now);
  } else {
    await repositories.conversations.insert({
      id: conversationId,
      chatbotId: plan.chatbotId,
      userId: plan.ownerId,
      endUserId: endUserId ?? null,
      title,
      currentMessageId: answer.id,
      createdAt: now,
      updatedAt: now,
    });
  }
  if (question !== parent) await repositories.messages.insert(question);
  await repositories.messages.insert(answer);

  const idempotencyKeyId = plan.idempotency && randomUUID();
  if (plan.idempotency && idempotencyKeyId) {
    await repositories.idempotencyKeys.insert({
      id: idempotencyKeyId,
      userId: plan.ownerId,
      idempotencyKey: plan.idempotency.key,
      requestHash: plan.idempotency.hash,
      conversationId,
      userMessageId: question.id,
      assistantMessageId: answer.id,
      createdAt: now,
      completedAt: null,
    });
  }
  const branch = existing ? await repositories.messages.listBranch(conversationId, question.id) : [question];
  return {
    started: { conversationId, title, userMessageId: question.id, assistantMessageId: answer.id },
    userMessage: question,
    assistantMessage: answer,
    branch,
    idempotencyKeyId,
  };
}

async function upsertEndUser(repositories: Repositories, plan: TurnPlan, at: string): Promise<string | undefined> {
  const endUser = plan.input.endUser;
  if (!endUser) return undefined;
  const row = await repositories.endUsers.upsert({ id: randomUUID(), chatbotId: plan.chatbotId, ...endUser, at });
  return row.id;
}

/** The caller's conversation with this chatbot; an end user can only continue their own. */
async function findConversation(
  repositories: Repositories,
  plan: TurnPlan,
  endUserId: string | undefined,
): Promise<ConversationRecord> {
  const conversation = await repositories.conversations.findOwned(plan.input.conversationId ?? '', plan.ownerId);
  const belongs = conversation?.chatbotId === plan.chatbotId && (endUserId === undefined || conversation.endUserId === endUserId);
  if (!conversation || !belongs) throw new NotFoundError('Conversation');
  return conversation;
}

/**
 * The message the new one hangs under: the current branch's newest answer by default, none for a
 * new first question (`parentId: null`), or the named message, which must be an answer to follow
 * up on, or a question when regenerating its answer.
 */
async function findParent(
  repositories: Repositories,
  conversation: ConversationRecord,
  input: SendMessageInput,
): Promise<MessageRow | undefined> {
  if (input.parentId === null) return undefined;
  const parentId = input.parentId ?? conversation.currentMessageId;
  if (!parentId) return undefined;
  const parent = await repositories.messages.findInConversation(parentId, conversation.id);
  if (!parent) throw new NotFoundError('Message');
  if (input.regenerate && parent.role !== 'user') {
    throw new ValidationError('body.parentId must be a question (a user message) to regenerate its answer');
  }
  if (!input.regenerate && parent.role !== 'assistant') {
    throw new ValidationError('body.parentId must be an answer (an assistant message); to edit a question, use its parent');
  }
  return parent;
}

function newMessage(
  conversationId: string,
  parent: MessageRow | undefined,
  role: MessageRow['role'],
  content: string,
  at: string,
): MessageRow {
  return {
    id: randomUUID(),
    conversationId,
    parentId: parent?.id ?? null,
    depth: parent ? parent.depth + 1 : 0,
    role,
    content,
    status: 'complete',
    errorCode: null,
    errorMessage: null,
    modelName: null,
    providerType: null,
    finishReason: null,
    inputTokens: null,
    outputTokens: null,
    totalTokens: null,
    usageEstimated: null,
    firstTokenMs: null,
    totalMs: null,
    citations: '[]',
    createdAt: at,
    completedAt: role === 'user' ? at : null,
  };
}
