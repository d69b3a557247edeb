import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, PersonalitiesTable } from '../schema.js';

export type PersonalityRow = Selectable<PersonalitiesTable>;

/**
 * Personalities, reached through their chatbot's owner: every query joins or filters on a live
 * chatbot of that owner, so another user's personality, or one of a deleted chatbot, is not found.
 */
export class PersonalitiesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(personality: Insertable<PersonalitiesTable>): Promise<PersonalityRow> {
    return this.db.insertInto('personalities').values(personality).returningAll().executeTakeFirstOrThrow();
  }

  async findOwned(id: string, ownerId: string): Promise<PersonalityRow | undefined> {
    return this.owned(ownerId).selectAll('personalities').where('personalities.id', '=', id).executeTakeFirst();
  }

  /** A chatbot's personalities: the default first, then oldest first (by name within the same instant). */
  async listOwned(chatbotId: string, ownerId: string): Promise<PersonalityRow[]> {
    return this.owned(ownerId)
      .selectAll('personalities')
      .where('personalities.chatbotId', '=', chatbotId)
      .orderBy('personalities.isDefault', 'desc')
      .orderBy('personalities.createdAt', 'asc')
      .orderBy('personalities.name')
      .orderBy('personalities.id')
      .execute();
  }

  async findDefaultOwned(chatbotId: string, ownerId: string): Promise<PersonalityRow | undefined> {
    return this.owned(ownerId)
      .selectAll('personalities')
      .where('personalities.chatbotId', '=', chatbotId)
      .where('personalities.isDefault', '=', 1)
      .executeTakeFirst();
  }

  async countOwned(chatbotId: string, ownerId: string): Promise<number> {
    const row = await this.owned(ownerId)
      .select((select) => select.fn.countAll<number>().as('total'))
      .where('personalities.chatbotId', '=', chatbotId)
      .executeTakeFirstOrThrow();
    return Number(row.total);
  }

  async updateOwned(
    id: string,
    ownerId: string,
    patch: Updateable<PersonalitiesTable>,
  ): Promise<PersonalityRow | undefined> {
    return this.db
      .updateTable('personalities')
      .set(patch)
      .where('id', '=', id)
      .where('chatbotId', 'in', this.liveChatbotIds(ownerId))
      .returningAll()
      .executeTakeFirst();
  }

  async deleteOwned(id: string, ownerId: string): Promise<PersonalityRow | undefined> {
    return this.db
      .deleteFrom('personalities')
      .where('id', '=', id)
      .where('chatbotId', 'in', this.liveChatbotIds(ownerId))
      .returningAll()
      .executeTakeFirst();
  }

  /** Clears the chatbot's default; the caller sets the new one in the same transaction. */
  async clearDefaultOwned(chatbotId: string, ownerId: string, at: string): Promise<void> {
    await this.db
      .updateTable('personalities')
      .set({ isDefault: 0, updatedAt: at })
      .where('chatbotId', '=', chatbotId)
      .where('chatbotId', 'in', this.liveChatbotIds(ownerId))
      .where('isDefault', '=', 1)
      .execute();
  }

  /** The oldest personality of the chatbot, which takes over when the default is deleted. */
  async findOldestOwned(chatbotId: string, ownerId: string): Promise<PersonalityRow | undefined> {
    return this.owned(ownerId)
      .selectAll('personalities')
      .where('personalities.chatbotId', '=', chatbotId)
      .orderBy('personalities.createdAt', 'asc')
      .orderBy('personalities.name')
      .orderBy('personalities.id')
      .executeTakeFirst();
  }

  private owned(ownerId: string) {
    return this.db
      .selectFrom('personalities')
      .innerJoin('chatbots', 'chatbots.id', 'personalities.chatbotId')
      .where('chatbots.ownerId', '=', ownerId)
      .where('chatbots.deletedAt', 'is', null);
  }

  private liveChatbotIds(ownerId: string) {
    return this.db
      .selectFrom('chatbots')
      .select('id')
      .where('ownerId', '=', ownerId)
      .where('deletedAt', 'is', null);
  }
}
