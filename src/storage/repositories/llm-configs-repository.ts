import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, LlmConfigsTable } from '../schema.js';
import { offsetOf, type Page, type PageRequest } from '../pagination.js';

export type LlmConfigRow = Selectable<LlmConfigsTable>;

/** The sealed key and its mask: the only columns a key change writes. */
export type SealedApiKey = Pick<LlmConfigsTable, 'apiKeyCiphertext' | 'apiKeyMask' | 'updatedAt'>;

/**
 * Users' provider keys, always reached through the user: every query carries the user id, so
 * another user's key is simply not found.
 */
export class LlmConfigsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Inserts the user's key for a provider, or replaces the sealed key of the one already there
   * (one per user and provider). The returned row keeps its original id when it was replaced.
   */
  async upsert(config: Insertable<LlmConfigsTable> & SealedApiKey): Promise<LlmConfigRow> {
    const { apiKeyCiphertext, apiKeyMask, updatedAt } = config;
    return this.db
      .insertInto('llmConfigs')
      .values(config)
      .onConflict((conflict) =>
        conflict.columns(['userId', 'providerId']).doUpdateSet({ apiKeyCiphertext, apiKeyMask, updatedAt }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async findOwned(id: string, userId: string): Promise<LlmConfigRow | undefined> {
    return this.owned(userId).selectAll().where('id', '=', id).executeTakeFirst();
  }

  async findForProvider(userId: string, providerId: string): Promise<LlmConfigRow | undefined> {
    return this.owned(userId).selectAll().where('providerId', '=', providerId).executeTakeFirst();
  }

  async listOwned(userId: string, request: PageRequest): Promise<Page<LlmConfigRow>> {
    const query = this.owned(userId);
    const [items, count] = await Promise.all([
      query
        .selectAll()
        .orderBy('createdAt', 'desc')
        .orderBy('id')
        .limit(request.limit)
        .offset(offsetOf(request))
        .execute(),
      query.select((select) => select.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  async updateKeyOwned(id: string, userId: string, key: SealedApiKey): Promise<LlmConfigRow | undefined> {
    return this.db
      .updateTable('llmConfigs')
      .set(key)
      .where('id', '=', id)
      .where('userId', '=', userId)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteOwned(id: string, userId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('llmConfigs')
      .where('id', '=', id)
      .where('userId', '=', userId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  private owned(userId: string) {
    return this.db.selectFrom('llmConfigs').where('userId', '=', userId);
  }
}
