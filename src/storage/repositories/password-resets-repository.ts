import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, PasswordResetsTable } from '../schema.js';

export type PasswordResetRow = Selectable<PasswordResetsTable>;

export class PasswordResetsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(reset: Insertable<PasswordResetsTable>): Promise<void> {
    await this.db.insertInto('passwordResets').values(reset).execute();
  }

  async findByHash(tokenHash: string): Promise<PasswordResetRow | undefined> {
    return this.db.selectFrom('passwordResets').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
  }

  /** Consumes a token; false when it was already used, so a token works exactly once. */
  async markUsed(id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('passwordResets')
      .set({ usedAt: at })
      .where('id', '=', id)
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async expireAllForUser(userId: string, at: string): Promise<void> {
    await this.db
      .updateTable('passwordResets')
      .set({ usedAt: at })
      .where('userId', '=', userId)
      .where('usedAt', 'is', null)
      .execute();
  }
}
