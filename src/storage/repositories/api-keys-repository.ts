import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ApiKeysTable, Database } from '../schema.js';

export type ApiKeyRow = Selectable<ApiKeysTable>;

export class ApiKeysRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(key: Insertable<ApiKeysTable>): Promise<ApiKeyRow> {
    return this.db.insertInto('apiKeys').values(key).returningAll().executeTakeFirstOrThrow();
  }

  async listForUser(userId: string): Promise<ApiKeyRow[]> {
    return this.db
      .selectFrom('apiKeys')
      .selectAll()
      .where('userId', '=', userId)
      .orderBy('createdAt', 'desc')
      .orderBy('id')
      .execute();
  }

  async findByHash(keyHash: string): Promise<ApiKeyRow | undefined> {
    return this.db.selectFrom('apiKeys').selectAll().where('keyHash', '=', keyHash).executeTakeFirst();
  }

  /** Revokes a key only if it belongs to the user; false when there is no such live key. */
  async revoke(id: string, userId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('apiKeys')
      .set({ revokedAt: at })
      .where('id', '=', id)
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('apiKeys').set({ lastUsedAt: at }).where('id', '=', id).execute();
  }
}
