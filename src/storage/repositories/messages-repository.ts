import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, MessagesTable } from '../schema.js';

export type MessageRow = Selectable<MessagesTable>;

/** A message with the chatbot its conversation belongs to. */
export type OwnedMessageRow = MessageRow & { chatbotId: string };

/**
 * Messages of conversations. Lookups by id alone go through the owner of the conversation's
 * chatbot; lookups within a conversation expect the caller to have checked the conversation.
 */
export class MessagesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(message: Insertable<MessagesTable>): Promise<void> {
    await this.db.insertInto('messages').values(message).execute();
  }

  async findOwned(id: string, ownerId: string): Promise<OwnedMessageRow | undefined> {
    return this.db
      .selectFrom('messages')
      .innerJoin('conversations', 'conversations.id', 'messages.conversationId')
      .innerJoin('chatbots', 'chatbots.id', 'conversations.chatbotId')
      .selectAll('messages')
      .select('conversations.chatbotId')
      .where('messages.id', '=', id)
      .where('chatbots.ownerId', '=', ownerId)
      .where('chatbots.deletedAt', 'is', null)
      .executeTakeFirst();
  }

  async findInConversation(id: string, conversationId: string): Promise<MessageRow | undefined> {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', id)
      .where('conversationId', '=', conversationId)
      .executeTakeFirst();
  }

  /** Every message of the conversation, oldest first, each question before its answers. */
  async listInConversation(conversationId: string): Promise<MessageRow[]> {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('conversationId', '=', conversationId)
      .orderBy('createdAt')
      .orderBy('depth')
      .orderBy('id')
      .execute();
  }

  /** The branch ending at `leafId`: the messages from the root down to it, in that order. */
  async listBranch(conversationId: string, leafId: string): Promise<MessageRow[]> {
    return this.db
      .withRecursive('branch(id, parentId)', (db) =>
        db
          .selectFrom('messages')
          .select(['id', 'parentId'])
          .where('id', '=', leafId)
          .where('conversationId', '=', conversationId)
          .unionAll(
            db
              .selectFrom('messages')
              .innerJoin('branch', 'branch.parentId', 'messages.id')
              .select(['messages.id', 'messages.parentId']),
          ),
      )
      .selectFrom('messages')
      .innerJoin('branch', 'branch.id', 'messages.id')
      .selectAll('messages')
      .orderBy('messages.depth')
      .execute();
  }

  /** Writes the outcome of an assistant message. */
  async update(id: string, patch: Updateable<MessagesTable>): Promise<void> {
    await this.db.updateTable('messages').set(patch).where('id', '=', id).execute();
  }
}
