import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, KnowledgeItemsTable } from '../schema.js';
import { ownedKnowledgeBaseIds } from './knowledge-files-repository.js';

export type KnowledgeItemRow = Selectable<KnowledgeItemsTable>;

/** Text and question/answer items, reached through their knowledge base's owner. */
export class KnowledgeItemsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(item: Insertable<KnowledgeItemsTable>): Promise<KnowledgeItemRow> {
    return this.db.insertInto('knowledgeItems').values(item).returningAll().executeTakeFirstOrThrow();
  }

  async findOwned(knowledgeBaseId: string, id: string, ownerId: string): Promise<KnowledgeItemRow | undefined> {
    return this.owned(knowledgeBaseId, ownerId).where('id', '=', id).executeTakeFirst();
  }

  async findById(id: string): Promise<KnowledgeItemRow | undefined> {
    return this.db.selectFrom('knowledgeItems').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listOwned(knowledgeBaseId: string, ownerId: string): Promise<KnowledgeItemRow[]> {
    return this.owned(knowledgeBaseId, ownerId).orderBy('createdAt').orderBy('id').execute();
  }

  async listByKnowledgeBase(knowledgeBaseId: string): Promise<KnowledgeItemRow[]> {
    return this.db.selectFrom('knowledgeItems').selectAll().where('knowledgeBaseId', '=', knowledgeBaseId).execute();
  }

  async updateOwned(
    knowledgeBaseId: string,
    id: string,
    ownerId: string,
    patch: Updateable<KnowledgeItemsTable>,
  ): Promise<KnowledgeItemRow | undefined> {
    return this.db
      .updateTable('knowledgeItems')
      .set(patch)
      .where('id', '=', id)
      .where('knowledgeBaseId', '=', knowledgeBaseId)
      .where('knowledgeBaseId', 'in', ownedKnowledgeBaseIds(this.db, ownerId))
      .returningAll()
      .executeTakeFirst();
  }

  async deleteOwned(knowledgeBaseId: string, id: string, ownerId: string): Promise<KnowledgeItemRow | undefined> {
    return this.db
      .deleteFrom('knowledgeItems')
      .where('id', '=', id)
      .where('knowledgeBaseId', '=', knowledgeBaseId)
      .where('knowledgeBaseId', 'in', ownedKnowledgeBaseIds(this.db, ownerId))
      .returningAll()
      .executeTakeFirst();
  }

  private owned(knowledgeBaseId: string, ownerId: string) {
    return this.db
      .selectFrom('knowledgeItems')
      .selectAll()
      .where('knowledgeBaseId', '=', knowledgeBaseId)
      .where('knowledgeBaseId', 'in', ownedKnowledgeBaseIds(this.db, ownerId));
  }
}
