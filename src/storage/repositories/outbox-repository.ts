import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, OutboxMailsTable } from '../schema.js';
import { offsetOf, type Page, type PageRequest } from '../pagination.js';

export type OutboxMailRow = Selectable<OutboxMailsTable>;

/** Mail kept in the database when no SMTP server is configured, for an admin to read. */
export class OutboxRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(mail: Insertable<OutboxMailsTable>): Promise<void> {
    await this.db.insertInto('outboxMails').values(mail).execute();
  }

  async list(request: PageRequest): Promise<Page<OutboxMailRow>> {
    const [items, count] = await Promise.all([
      this.db
        .selectFrom('outboxMails')
        .selectAll()
        .orderBy('createdAt', 'desc')
        .orderBy('id')
        .limit(request.limit)
        .offset(offsetOf(request))
        .execute(),
      this.db.selectFrom('outboxMails').select((select) => select.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }
}
