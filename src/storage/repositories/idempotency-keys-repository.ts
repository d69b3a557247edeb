import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, IdempotencyKeysTable } from '../schema.js';

export type IdempotencyKeyRow = Selectable<IdempotencyKeysTable>;

/** Idempotency keys of chat sends, per platform account. */
export class IdempotencyKeysRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(userId: string, idempotencyKey: string): Promise<IdempotencyKeyRow | undefined> {
    return this.db
      .selectFrom('idempotencyKeys')
      .selectAll()
      .where('userId', '=', userId)
      .where('idempotencyKey', '=', idempotencyKey)
      .executeTakeFirst();
  }

  /** Throws a unique violation when the caller already used the key. */
  async insert(row: Insertable<IdempotencyKeysTable>): Promise<void> {
    await this.db.insertInto('idempotencyKeys').values(row).execute();
  }

  async markCompleted(id: string, at: string): Promise<void> {
    await this.db.updateTable('idempotencyKeys').set({ completedAt: at }).where('id', '=', id).execute();
  }
}
