import type { Kysely, Selectable } from 'kysely';
import type { Database, EndUserKind, EndUsersTable } from '../schema.js';

export type EndUserRow = Selectable<EndUsersTable>;

/** A chatbot's end users, one row per (chatbot, kind, externalId). Callers have checked ownership. */
export class EndUsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The end user, created on first sight; later sightings only move `lastSeenAt`. */
  async upsert(row: { id: string; chatbotId: string; kind: EndUserKind; externalId: string; at: string }): Promise<EndUserRow> {
    return this.db
      .insertInto('endUsers')
      .values({ id: row.id, chatbotId: row.chatbotId, kind: row.kind, externalId: row.externalId, createdAt: row.at, lastSeenAt: row.at })
      .onConflict((conflict) => conflict.columns(['chatbotId', 'kind', 'externalId']).doUpdateSet({ lastSeenAt: row.at }))
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async find(chatbotId: string, kind: EndUserKind, externalId: string): Promise<EndUserRow | undefined> {
    return this.db
      .selectFrom('endUsers')
      .selectAll()
      .where('chatbotId', '=', chatbotId)
      .where('kind', '=', kind)
      .where('externalId', '=', externalId)
      .executeTakeFirst();
  }
}
