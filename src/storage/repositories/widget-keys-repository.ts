import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, WidgetKeysTable } from '../schema.js';

export type WidgetKeyRow = Selectable<WidgetKeysTable>;

/** A key found by its value, with what the widget surface needs to know about its chatbot. */
export interface WidgetKeyLookup extends WidgetKeyRow {
  ownerId: string;
  ownerStatus: 'active' | 'disabled';
  chatbotArchivedAt: string | null;
  chatbotDeletedAt: string | null;
}

/**
 * Publishable widget keys. Owner-facing queries reach keys only through the owner's live
 * chatbots, so another user's key, or a deleted chatbot's, is simply not found.
 */
export class WidgetKeysRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(key: Insertable<WidgetKeysTable>): Promise<WidgetKeyRow> {
    return this.db.insertInto('widgetKeys').values(key).returningAll().executeTakeFirstOrThrow();
  }

  async listOwned(chatbotId: string, ownerId: string): Promise<WidgetKeyRow[]> {
    return this.db
      .selectFrom('widgetKeys')
      .selectAll()
      .where('chatbotId', '=', chatbotId)
      .where('chatbotId', 'in', this.ownedChatbotIds(ownerId))
      .orderBy('createdAt', 'desc')
      .orderBy('id')
      .execute();
  }

  async findOwned(id: string, ownerId: string): Promise<WidgetKeyRow | undefined> {
    return this.db
      .selectFrom('widgetKeys')
      .selectAll()
      .where('id', '=', id)
      .where('chatbotId', 'in', this.ownedChatbotIds(ownerId))
      .executeTakeFirst();
  }

  /** Updates a key of one of the owner's live chatbots; undefined when there is none. */
  async updateOwned(id: string, ownerId: string, patch: Updateable<WidgetKeysTable>): Promise<WidgetKeyRow | undefined> {
    return this.db
      .updateTable('widgetKeys')
      .set(patch)
      .where('id', '=', id)
      .where('chatbotId', 'in', this.ownedChatbotIds(ownerId))
      .returningAll()
      .executeTakeFirst();
  }

  async findByKey(key: string): Promise<WidgetKeyLookup | undefined> {
    return this.db
      .selectFrom('widgetKeys')
      .innerJoin('chatbots', 'chatbots.id', 'widgetKeys.chatbotId')
      .innerJoin('users', 'users.id', 'chatbots.ownerId')
      .selectAll('widgetKeys')
      .select([
        'chatbots.ownerId',
        'users.status as ownerStatus',
        'chatbots.archivedAt as chatbotArchivedAt',
        'chatbots.deletedAt as chatbotDeletedAt',
      ])
      .where('widgetKeys.key', '=', key)
      .executeTakeFirst();
  }

  private ownedChatbotIds(ownerId: string) {
    return this.db
      .selectFrom('chatbots')
      .select('id')
      .where('ownerId', '=', ownerId)
      .where('deletedAt', 'is', null);
  }
}
