import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, RefreshTokensTable, SessionsTable } from '../schema.js';

export type SessionRow = Selectable<SessionsTable>;
export type RefreshTokenRow = Selectable<RefreshTokensTable>;

/** Login sessions and the refresh tokens rotated within each (one token family per session). */
export class SessionsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(session: Insertable<SessionsTable>): Promise<void> {
    await this.db.insertInto('sessions').values(session).execute();
  }

  async findById(id: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async revoke(id: string, reason: string, at: string): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ revokedAt: at, revokedReason: reason })
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .execute();
  }

  /** Revokes every live session of a user, except `keepSessionId` when given. */
  async revokeAllForUser(userId: string, reason: string, at: string, keepSessionId?: string): Promise<void> {
    let query = this.db
      .updateTable('sessions')
      .set({ revokedAt: at, revokedReason: reason })
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null);
    if (keepSessionId) query = query.where('id', '!=', keepSessionId);
    await query.execute();
  }

  async insertRefreshToken(token: Insertable<RefreshTokensTable>): Promise<void> {
    await this.db.insertInto('refreshTokens').values(token).execute();
  }

  async findRefreshTokenByHash(tokenHash: string): Promise<RefreshTokenRow | undefined> {
    return this.db.selectFrom('refreshTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
  }

  /** Marks a refresh token used; false when it was already used (a replay or a race). */
  async markRefreshTokenUsed(id: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('refreshTokens')
      .set({ usedAt: at })
      .where('id', '=', id)
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}
