import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { ChatbotsTable, Database } from '../schema.js';
import { offsetOf, type Page, type PageRequest } from '../pagination.js';

export type ChatbotRow = Selectable<ChatbotsTable>;

/** Which chatbots a listing shows: live ones (the default), archived ones, or both. */
export type ArchiveFilter = 'active' | 'archived' | 'all';

export interface ChatbotListRequest extends PageRequest {
  archive: ArchiveFilter;
  /** Part of the name, matched case-insensitively. */
  search?: string | undefined;
}

/**
 * Chatbots, always read and written through their owner: every query carries the owner id and
 * skips soft-deleted rows, so another user's chatbot and a deleted one are simply not found.
 */
export class ChatbotsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(chatbot: Insertable<ChatbotsTable>): Promise<ChatbotRow> {
    return this.db.insertInto('chatbots').values(chatbot).returningAll().executeTakeFirstOrThrow();
  }

  async findOwned(id: string, ownerId: string): Promise<ChatbotRow | undefined> {
    return this.owned(ownerId).selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listOwned(ownerId: string, request: ChatbotListRequest): Promise<Page<ChatbotRow>> {
    let query = this.owned(ownerId);
    if (request.archive === 'active') query = query.where('archivedAt', 'is', null);
    if (request.archive === 'archived') query = query.where('archivedAt', 'is not', null);
    if (request.search) {
      const pattern = `%${escapeLikePattern(request.search.toLowerCase())}%`;
      query = query.where(sql<boolean>`lower(${sql.ref('name')}) like ${pattern} escape '\\'`);
    }
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

  /** Updates a live chatbot of the owner; undefined when there is none. */
  async updateOwned(id: string, ownerId: string, patch: Updateable<ChatbotsTable>): Promise<ChatbotRow | undefined> {
    return this.db
      .updateTable('chatbots')
      .set(patch)
      .where('id', '=', id)
      .where('ownerId', '=', ownerId)
      .where('deletedAt', 'is', null)
      .returningAll()
      .executeTakeFirst();
  }

  private owned(ownerId: string) {
    return this.db.selectFrom('chatbots').where('ownerId', '=', ownerId).where('deletedAt', 'is', null);
  }
}

/** Makes `%`, `_` and `\` match themselves in a LIKE pattern that declares `escape '\'`. */
function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
