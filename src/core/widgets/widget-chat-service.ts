import type { ChatbotService } from '../assistants/chatbot-service.js';
import type { ChatTurnService } from '../conversations/chat-turn-service.js';
import type { ConversationService, ConversationWithMessages } from '../conversations/conversation-service.js';
import type { Conversation, ConversationMessage } from '../conversations/conversation.js';
import type { Turn } from '../conversations/turn.js';
import { NotFoundError } from '../errors.js';
import type { WidgetAccess } from './widget-gateway.js';
import { refusals } from './widget-refusal.js';
import type { WidgetSettings } from './widget-settings.js';
import type { WidgetSettingsService } from './widget-settings-service.js';
import type { Visitor, VisitorTokens } from './visitor-tokens.js';

/** What the widget needs to draw itself: who it speaks for, and how it looks. */
export interface WidgetConfiguration {
  assistant: { id: string; name: string; greeting: string; suggestedQuestions: string[] };
  appearance: Omit<WidgetSettings, 'greeting' | 'suggestedQuestions'>;
}

/** The newest conversations a visitor can pick up again, and the longest branch the widget shows. */
const visitorConversationLimit = 20;
const visitorHistoryLimit = 200;

/**
 * Chat for anonymous widget visitors, on top of the conversation services. A visitor is an end
 * user of kind `widget`; everything here is reached through the key's one chatbot, and a
 * visitor only ever sees their own conversations — another's answers like one that does not exist.
 */
export class WidgetChatService {
  constructor(
    private readonly chatbots: ChatbotService,
    private readonly settings: WidgetSettingsService,
    private readonly conversations: ConversationService,
    private readonly chatTurns: ChatTurnService,
    private readonly visitorTokens: VisitorTokens,
  ) {}

  async configuration(access: WidgetAccess): Promise<WidgetConfiguration> {
    const chatbot = await this.chatbot(access);
    const { greeting, suggestedQuestions, ...appearance } = await this.settings.of(chatbot.id, chatbot.name);
    return {
      assistant: {
        id: chatbot.id,
        name: chatbot.agentName || chatbot.name,
        greeting: greeting ?? chatbot.greeting,
        suggestedQuestions: suggestedQuestions ?? chatbot.suggestedQuestions,
      },
      appearance,
    };
  }

  startVisitor(access: WidgetAccess): string {
    return this.visitorTokens.issue(access.chatbotId).token;
  }

  /** The visitor a token names; undefined for a missing, forged or other chatbot's token. */
  findVisitor(access: WidgetAccess, token: string | undefined): Visitor | undefined {
    return token ? this.visitorTokens.verify(token, access.chatbotId) : undefined;
  }

  async listConversations(access: WidgetAccess, visitor: Visitor): Promise<Conversation[]> {
    const page = await this.conversations.list(access.ownerId, access.chatbotId, {
      page: 1,
      limit: visitorConversationLimit,
      endUser: endUserOf(visitor),
    });
    return page.items;
  }

  /** The conversation's current branch, oldest first (its newest messages when it is very long). */
  async history(access: WidgetAccess, visitor: Visitor, conversationId: string): Promise<ConversationMessage[]> {
    const { messages } = await this.ownConversation(access, visitor, conversationId);
    return messages.slice(-visitorHistoryLimit);
  }

  /** Starts a turn in a new conversation, or continues one of the visitor's own. */
  async send(access: WidgetAccess, visitor: Visitor, input: { message: string; conversationId?: string | undefined }): Promise<Turn> {
    if (input.conversationId) await this.ownConversation(access, visitor, input.conversationId);
    return this.chatTurns.start(access.ownerId, access.chatbotId, {
      message: input.message,
      conversationId: input.conversationId,
      endUser: endUserOf(visitor),
    });
  }

  private async chatbot(access: WidgetAccess) {
    try {
      return await this.chatbots.get(access.ownerId, access.chatbotId);
    } catch (error) {
      if (error instanceof NotFoundError) throw refusals.assistantUnavailable();
      throw error;
    }
  }

  /** The visitor's conversation with its current branch; anyone else's is refused as not found. */
  private async ownConversation(access: WidgetAccess, visitor: Visitor, conversationId: string): Promise<ConversationWithMessages> {
    let found: ConversationWithMessages;
    try {
      found = await this.conversations.get(access.ownerId, conversationId, { view: 'branch' });
    } catch (error) {
      if (error instanceof NotFoundError) throw refusals.conversationNotFound();
      throw error;
    }
    const { chatbotId, endUser } = found.conversation;
    const mine = endUser?.kind === 'widget' && endUser.externalId === visitor.visitorId;
    if (chatbotId !== access.chatbotId || !mine) throw refusals.conversationNotFound();
    return found;
  }
}

function endUserOf(visitor: Visitor) {
  return { kind: 'widget' as const, externalId: visitor.visitorId };
}
