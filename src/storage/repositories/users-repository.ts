import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, UsersTable } from '../schema.js';
import { containsPattern, offsetOf, type Page, type PageRequest } from '../pagination.js';

export type UserRow = Selectable<UsersTable>;

export class UsersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(user: Insertable<UsersTable>): Promise<UserRow> {
    return this.db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
  }

  async findById(id: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Username or email, compared case-insensitively (both are stored lower-cased). */
  async findByLogin(login: string): Promise<UserRow | undefined> {
    const normalized = login.trim().toLowerCase();
    return this.db
      .selectFrom('users')
      .selectAll()
      .where((where) => where.or([where('username', '=', normalized), where('email', '=', normalized)]))
      .executeTakeFirst();
  }

  async findByEmail(email: string): Promise<UserRow | undefined> {
    return this.db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
  }

  async update(id: string, patch: Updateable<UsersTable>): Promise<UserRow | undefined> {
    return this.db.updateTable('users').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async list(request: PageRequest & { search?: string }): Promise<Page<UserRow>> {
    let query = this.db.selectFrom('users');
    if (request.search) {
      const pattern = containsPattern(request.search.toLowerCase());
      query = query.where((where) =>
        where.or([
          sql<boolean>`${sql.ref('username')} like ${pattern} escape '\\'`,
          sql<boolean>`${sql.ref('email')} like ${pattern} escape '\\'`,
        ]),
      );
    }
    const [items, count] = await Promise.all([
      query.selectAll().orderBy('createdAt', 'asc').orderBy('id').limit(request.limit).offset(offsetOf(request)).execute(),
      query.select((select) => select.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  async countActiveAdmins(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((select) => select.fn.countAll<number>().as('total'))
      .where('role', '=', 'admin')
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return Number(row.total);
  }
}
