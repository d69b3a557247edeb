import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, IngestionStatus, KnowledgeLinksTable } from '../schema.js';
import { ownedKnowledgeBaseIds } from './knowledge-files-repository.js';

export type KnowledgeLinkRow = Selectable<KnowledgeLinksTable>;

/** A link that may be due for a scheduled re-sync, with its knowledge base's interval in seconds. */
export interface ResyncCandidate {
  id: string;
  knowledgeBaseId: string;
  status: IngestionStatus;
  lastSyncedAt: string | null;
  updatedAt: string;
  updateInterval: number;
}

/** Links whose last sync has ended; only these may be asked for another. */
const settledStatuses: IngestionStatus[] = ['SUCCESS', 'FAILURE'];

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

  /**
   * Links whose last sync ended (SUCCESS or FAILURE) in knowledge bases that re-sync them
   * (`updateInterval` above 0). Whether each is due is the caller's decision.
   */
  async listResyncCandidates(): Promise<ResyncCandidate[]> {
    return this.db
      .selectFrom('knowledgeLinks')
      .innerJoin('knowledgeBases', 'knowledgeBases.id', 'knowledgeLinks.knowledgeBaseId')
      .select([
        'knowledgeLinks.id',
        'knowledgeLinks.knowledgeBaseId',
        'knowledgeLinks.status',
        'knowledgeLinks.lastSyncedAt',
        'knowledgeLinks.updatedAt',
        'knowledgeBases.updateInterval',
      ])
      .where('knowledgeLinks.status', 'in', settledStatuses)
      .where('knowledgeBases.updateInterval', '>', 0)
      .orderBy('knowledgeLinks.id')
      .execute();
  }

  /**
   * Asks for one more sync: counts it in `syncRequests` and marks the link PENDING, only if its
   * last sync has ended. Undefined when the link is gone or a sync is already queued or running,
   * so two schedulers (or a scheduler and a request) racing for one link ask only once.
   */
  async requestSync(id: string, at: string): Promise<KnowledgeLinkRow | undefined> {
    return this.db
      .updateTable('knowledgeLinks')
      .set({ syncRequests: sql<number>`${sql.ref('sync_requests')} + 1`, status: 'PENDING', failureReason: null, updatedAt: at })
      .where('id', '=', id)
      .where('status', 'in', settledStatuses)
      .returningAll()
      .executeTakeFirst();
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
