import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ConversationsTable, Database, EndUserKind } from '../schema.js';
import { offsetOf, type Page, type PageRequest } from '../pagination.js';

/** A conversation with the end user it belongs to, if any. */
export type ConversationRecord = Selectable<ConversationsTable> & {
  endUserKind: EndUserKind | null;
  endUserExternalId: string | null;
};

export interface ConversationListRequest extends PageRequest {
  /** Only conversations started by this platform account. */
  userId?: string | undefined;
  /** Only conversations of this end user. */
  endUserId?: string | undefined;
}

/**
 * Conversations, reached through the owner of their chatbot: every read joins a live chatbot of
 * that owner, so another user's conversation, or one of a deleted chatbot, is simply not found.
 */
export class ConversationsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(conversation: Insertable<ConversationsTable>): Promise<void> {
    await this.db.insertInto('conversations').values(conversation).execute();
  }

  async findOwned(id: string, ownerId: string): Promise<ConversationRecord | undefined> {
    return this.owned(ownerId).where('conversations.id', '=', id).executeTakeFirst();
  }

  /** A chatbot's conversations, most recently active first. */
  async listOwned(chatbotId: string, ownerId: string, request: ConversationListRequest): Promise<Page<ConversationRecord>> {
    let query = this.owned(ownerId).where('conversations.chatbotId', '=', chatbotId);
    if (request.userId) query = query.where('conversations.userId', '=', request.userId);
    if (request.endUserId) query = query.where('conversations.endUserId', '=', request.endUserId);
    const [items, count] = await Promise.all([
      query
        .orderBy('conversations.updatedAt', 'desc')
        .orderBy('conversations.id')
        .limit(request.limit)
        .offset(offsetOf(request))
        .execute(),
      query
        .clearSelect()
        .select((select) => select.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  /** Moves the conversation's current branch to `messageId`. Callers have checked ownership. */
  async setCurrentMessage(id: string, messageId: string, at: string): Promise<void> {
    await this.db.updateTable('conversations').set({ currentMessageId: messageId, updatedAt: at }).where('id', '=', id).execute();
  }

  async deleteOwned(id: string, ownerId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('conversations')
      .where('id', '=', id)
      .where('chatbotId', 'in', (query) =>
        query.selectFrom('chatbots').select('id').where('ownerId', '=', ownerId).where('deletedAt', 'is', null),
      )
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  private owned(ownerId: string) {
    return this.db
      .selectFrom('conversations')
      .innerJoin('chatbots', 'chatbots.id', 'conversations.chatbotId')
      .leftJoin('endUsers', 'endUsers.id', 'conversations.endUserId')
      .selectAll('conversations')
      .select(['endUsers.kind as endUserKind', 'endUsers.externalId as endUserExternalId'])
      .where('chatbots.ownerId', '=', ownerId)
      .where('chatbots.deletedAt', 'is', null);
  }
}
