import type { Page, PageRequest } from '../../storage/pagination.js';
import type { ConversationRecord } from '../../storage/repositories/conversations-repository.js';
import type { Store } from '../../storage/store.js';
import { NotFoundError } from '../errors.js';
import { toConversation, toMessage, type Conversation, type ConversationMessage, type EndUserReference } from './conversation.js';

export interface ConversationListQuery extends PageRequest {
  /** Only the conversations of this end user. */
  endUser?: EndUserReference | undefined;
  /** Only the conversations this platform account started. */
  startedBy?: string | undefined;
}

/** `tree`: every message of the conversation; `branch`: the root down to one message. */
export type ConversationView = { view: 'tree' } | { view: 'branch'; leafId?: string | undefined };

export interface ConversationWithMessages {
  conversation: Conversation;
  messages: ConversationMessage[];
}

/**
 * Reading and deleting conversations. Every method goes through the owner of the conversation's
 * chatbot, so another user's conversation or message is reported like one that does not exist.
 */
export class ConversationService {
  constructor(private readonly store: Store) {}

  /** A chatbot's conversations, most recently active first. */
  async list(ownerId: string, chatbotId: string, query: ConversationListQuery): Promise<Page<Conversation>> {
    if (!(await this.store.chatbots.findOwned(chatbotId, ownerId))) throw new NotFoundError('Chatbot');
    const endUser = query.endUser && (await this.store.endUsers.find(chatbotId, query.endUser.kind, query.endUser.externalId));
    if (query.endUser && !endUser) return { items: [], total: 0 };
    const page = await this.store.conversations.listOwned(chatbotId, ownerId, {
      page: query.page,
      limit: query.limit,
      userId: query.startedBy,
      endUserId: endUser?.id,
    });
    return { items: page.items.map(toConversation), total: page.total };
  }

  async get(ownerId: string, id: string, view: ConversationView): Promise<ConversationWithMessages> {
    const conversation = await this.find(ownerId, id);
    const rows =
      view.view === 'tree'
        ? await this.store.messages.listInConversation(id)
        : await this.branchRows(conversation, view.leafId);
    return { conversation: toConversation(conversation), messages: rows.map(toMessage) };
  }

  /** One page of a conversation's current branch, oldest first, after checking it is the chatbot's. */
  async history(ownerId: string, chatbotId: string, conversationId: string, request: PageRequest): Promise<Page<ConversationMessage>> {
    const conversation = await this.find(ownerId, conversationId);
    if (conversation.chatbotId !== chatbotId) throw new NotFoundError('Conversation');
    const branch = await this.branchRows(conversation, undefined);
    const start = (request.page - 1) * request.limit;
    return { items: branch.slice(start, start + request.limit).map(toMessage), total: branch.length };
  }

  /** Deletes the conversation with its messages and their ratings. */
  async delete(ownerId: string, id: string): Promise<void> {
    if (!(await this.store.conversations.deleteOwned(id, ownerId))) throw new NotFoundError('Conversation');
  }

  private async find(ownerId: string, id: string): Promise<ConversationRecord> {
    const conversation = await this.store.conversations.findOwned(id, ownerId);
    if (!conversation) throw new NotFoundError('Conversation');
    return conversation;
  }

  private async branchRows(conversation: ConversationRecord, leafId: string | undefined) {
    const leaf = leafId ?? conversation.currentMessageId;
    if (!leaf) return [];
    const rows = await this.store.messages.listBranch(conversation.id, leaf);
    if (leafId && rows.length === 0) throw new NotFoundError('Message');
    return rows;
  }
}
