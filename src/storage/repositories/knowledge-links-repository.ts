import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, KnowledgeLinksTable } from '../schema.js';
import { ownedKnowledgeBaseIds } from './knowledge-files-repository.js';

export type KnowledgeLinkRow = Selectable<KnowledgeLinksTable>;

/** Links to web pages, reached through their knowledge base's owner. */
export class KnowledgeLinksRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(link: Insertable<KnowledgeLinksTable>): Promise<KnowledgeLinkRow> {
    return this.db.insertInto('knowledgeLinks').values(link).returningAll().executeTakeFirstOrThrow();
  }

  async findOwned(knowledgeBaseId: string, id: string, ownerId: string): Promise<KnowledgeLinkRow | undefined> {
    return this.owned(knowledgeBaseId, ownerId).where('id', '=', id).executeTakeFirst();
  }

  async findByUrl(knowledgeBaseId: string, url: string): Promise<KnowledgeLinkRow | undefined> {
    return this.db
      .selectFrom('knowledgeLinks')
      .selectAll()
      .where('knowledgeBaseId', '=', knowledgeBaseId)
      .where('url', '=', url)
      .executeTakeFirst();
  }

  async findById(id: string): Promise<KnowledgeLinkRow | undefined> {
    return this.db.selectFrom('knowledgeLinks').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listOwned(knowledgeBaseId: string, ownerId: string): Promise<KnowledgeLinkRow[]> {
    return this.owned(knowledgeBaseId, ownerId).orderBy('createdAt').orderBy('id').execute();
  }

  async listByKnowledgeBase(knowledgeBaseId: string): Promise<KnowledgeLinkRow[]> {
    return this.db.selectFrom('knowledgeLinks').selectAll().where('knowledgeBaseId', '=', knowledgeBaseId).execute();
  }

  async update(id: string, patch: Updateable<KnowledgeLinksTable>): Promise<KnowledgeLinkRow | undefined> {
    return this.db.updateTable('knowledgeLinks').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
  }

  async deleteOwned(knowledgeBaseId: string, id: string, ownerId: string): Promise<KnowledgeLinkRow | undefined> {
    return this.db
      .deleteFrom('knowledgeLinks')
      .where('id', '=', id)
      .where('knowledgeBaseId', '=', knowledgeBaseId)
      .where('knowledgeBaseId', 'in', ownedKnowledgeBaseIds(this.db, ownerId))
      .returningAll()
      .executeTakeFirst();
  }

  private owned(knowledgeBaseId: string, ownerId: string) {
    return this.db
      .selectFrom('knowledgeLinks')
      .selectAll()
      .where('knowledgeBaseId', '=', knowledgeBaseId)
      .where('knowledgeBaseId', 'in', ownedKnowledgeBaseIds(this.db, ownerId));
  }
}
