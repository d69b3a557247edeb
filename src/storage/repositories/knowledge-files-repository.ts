import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, KnowledgeFilesTable } from '../schema.js';

export type KnowledgeFileRow = Selectable<KnowledgeFilesTable>;

/**
 * Uploaded files, reached through their knowledge base's owner: every read and write filters on
 * a knowledge base of that owner, so another user's file is not found.
 */
export class KnowledgeFilesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(file: Insertable<KnowledgeFilesTable>): Promise<KnowledgeFileRow> {
    return this.db.insertInto('knowledgeFiles').values(file).returningAll().executeTakeFirstOrThrow();
  }

  async findOwned(knowledgeBaseId: string, id: string, ownerId: string): Promise<KnowledgeFileRow | undefined> {
    return this.owned(knowledgeBaseId, ownerId).where('id', '=', id).executeTakeFirst();
  }

  /** The file with these exact bytes in the knowledge base, if one was uploaded before. */
  async findByHash(knowledgeBaseId: string, contentHash: string): Promise<KnowledgeFileRow | undefined> {
    return this.db
      .selectFrom('knowledgeFiles')
      .selectAll()
      .where('knowledgeBaseId', '=', knowledgeBaseId)
      .where('contentHash', '=', contentHash)
      .executeTakeFirst();
  }

  /** For background jobs, which act for the owner recorded on the knowledge base. */
  async findById(id: string): Promise<KnowledgeFileRow | undefined> {
    return this.db.selectFrom('knowledgeFiles').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listOwned(
    knowledgeBaseId: string,
    ownerId: string,
    kind?: KnowledgeFilesTable['kind'],
  ): Promise<KnowledgeFileRow[]> {
    let query = this.owned(knowledgeBaseId, ownerId);
    if (kind) query = query.where('kind', '=', kind);
    return query.orderBy('createdAt').orderBy('id').execute();
  }

  async listByKnowledgeBase(knowledgeBaseId: string): Promise<KnowledgeFileRow[]> {
    return this.db.selectFrom('knowledgeFiles').selectAll().where('knowledgeBaseId', '=', knowledgeBaseId).execute();
  }

  async update(id: string, patch: Updateable<KnowledgeFilesTable>): Promise<KnowledgeFileRow | undefined> {
    return this.db.updateTable('knowledgeFiles').set(patch).where('id', '=', id).returningAll().executeTakeFirst();
  }

  async deleteOwned(knowledgeBaseId: string, id: string, ownerId: string): Promise<KnowledgeFileRow | undefined> {
    return this.db
      .deleteFrom('knowledgeFiles')
      .where('id', '=', id)
      .where('knowledgeBaseId', '=', knowledgeBaseId)
      .where('knowledgeBaseId', 'in', ownedKnowledgeBaseIds(this.db, ownerId))
      .returningAll()
      .executeTakeFirst();
  }

  private owned(knowledgeBaseId: string, ownerId: string) {
    return this.db
      .selectFrom('knowledgeFiles')
      .selectAll()
      .where('knowledgeBaseId', '=', knowledgeBaseId)
      .where('knowledgeBaseId', 'in', ownedKnowledgeBaseIds(this.db, ownerId));
  }
}

/** The ids of the owner's knowledge bases, as a subquery for `where ... in`. */
export function ownedKnowledgeBaseIds(db: Kysely<Database>, ownerId: string) {
  return db.selectFrom('knowledgeBases').select('id').where('ownerId', '=', ownerId);
}
