import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, LlmProvidersTable } from '../schema.js';
import { offsetOf, type Page, type PageRequest } from '../pagination.js';

export type LlmProviderRow = Selectable<LlmProvidersTable>;

/**
 * LLM providers, read through the user who asks: a user sees the global ones and their own, so
 * another user's private provider is simply not found. Writes name the row's owner (null for a
 * global provider) so they can only touch the row the caller was cleared to change.
 */
export class LlmProvidersRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(provider: Insertable<LlmProvidersTable>): Promise<LlmProviderRow> {
    return this.db.insertInto('llmProviders').values(provider).returningAll().executeTakeFirstOrThrow();
  }

  async findVisible(id: string, userId: string): Promise<LlmProviderRow | undefined> {
    return this.visible(userId).selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listVisible(userId: string, request: PageRequest): Promise<Page<LlmProviderRow>> {
    const query = this.visible(userId);
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

  /** Updates the provider if `ownerId` (null: global) is still its owner; undefined otherwise. */
  async update(
    id: string,
    ownerId: string | null,
    patch: Updateable<LlmProvidersTable>,
  ): Promise<LlmProviderRow | undefined> {
    return this.db
      .updateTable('llmProviders')
      .set(patch)
      .where('id', '=', id)
      .where('ownerId', ownerId === null ? 'is' : '=', ownerId)
      .returningAll()
      .executeTakeFirst();
  }

  /** Deletes the provider (its users' keys go with it) if `ownerId` (null: global) owns it. */
  async delete(id: string, ownerId: string | null): Promise<boolean> {
    const result = await this.db
      .deleteFrom('llmProviders')
      .where('id', '=', id)
      .where('ownerId', ownerId === null ? 'is' : '=', ownerId)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  private visible(userId: string) {
    return this.db
      .selectFrom('llmProviders')
      .where((where) => where.or([where('ownerId', 'is', null), where('ownerId', '=', userId)]));
  }
}
