import type { Kysely } from 'kysely';
import type { Database, IngestionStatus } from '../schema.js';

/** The three kinds of knowledge source; each has its own table with the same ingestion columns. */
export type SourceKind = 'file' | 'item' | 'link';

const tables = {
  file: 'knowledgeFiles',
  item: 'knowledgeItems',
  link: 'knowledgeLinks',
} as const satisfies Record<SourceKind, keyof Database>;

/** A source that still waits for (or is in) ingestion, as the start-up reconciliation sees it. */
export interface UnfinishedSource {
  kind: SourceKind;
  id: string;
  knowledgeBaseId: string;
  status: IngestionStatus;
  taskId: string | null;
}

/**
 * The ingestion state every source kind shares: status, failure reason, task and chunk count.
 * Writes that finish a job name that job (`taskId`), so a superseded job can never overwrite
 * the state of the source's newer one.
 */
export class KnowledgeSourcesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Points the source at a new job and marks it PENDING. */
  async assignTask(kind: SourceKind, id: string, taskId: string, at: string): Promise<void> {
    await this.update(kind, id, { status: 'PENDING', failureReason: null, taskId, updatedAt: at }).execute();
  }

  /** Moves the source to `status` if `taskId` is still its job; false otherwise. */
  async setStatusForTask(
    kind: SourceKind,
    id: string,
    taskId: string,
    status: IngestionStatus,
    failureReason: string | null,
    at: string,
  ): Promise<boolean> {
    const result = await this.update(kind, id, { status, failureReason, updatedAt: at })
      .where('taskId', '=', taskId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Marks every source of a knowledge base PENDING: its settings changed, so all must be re-processed. */
  async markKnowledgeBasePending(knowledgeBaseId: string, at: string): Promise<void> {
    for (const kind of Object.keys(tables) as SourceKind[]) {
      await this.db
        .updateTable(tables[kind] as 'knowledgeFiles')
        .set({ status: 'PENDING', failureReason: null, updatedAt: at })
        .where('knowledgeBaseId', '=', knowledgeBaseId)
        .execute();
    }
  }

  /** Sources that are PENDING or STARTED, in one knowledge base or everywhere. */
  async listUnfinished(knowledgeBaseId?: string): Promise<UnfinishedSource[]> {
    const sources: UnfinishedSource[] = [];
    for (const kind of Object.keys(tables) as SourceKind[]) {
      let query = this.db
        .selectFrom(tables[kind] as 'knowledgeFiles')
        .select(['id', 'knowledgeBaseId', 'status', 'taskId'])
        .where('status', 'in', ['PENDING', 'STARTED']);
      if (knowledgeBaseId !== undefined) query = query.where('knowledgeBaseId', '=', knowledgeBaseId);
      for (const row of await query.orderBy('createdAt').orderBy('id').execute()) sources.push({ kind, ...row });
    }
    return sources;
  }

  async recordChunkCount(kind: SourceKind, id: string, chunkCount: number): Promise<void> {
    await this.update(kind, id, { chunkCount }).execute();
  }

  /**
   * One update shape for the three tables: they share these columns, which is all `set` and
   * `where` touch here, so the files table's type stands in for all of them.
   */
  private update(
    kind: SourceKind,
    id: string,
    patch: { status?: IngestionStatus; failureReason?: string | null; taskId?: string; chunkCount?: number; updatedAt?: string },
  ) {
    return this.db
      .updateTable(tables[kind] as 'knowledgeFiles')
      .set(patch)
      .where('id', '=', id);
  }
}
