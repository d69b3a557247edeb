import { sql, type Insertable, type Kysely } from 'kysely';
import type { StorageCapabilities } from '../dialect.js';
import type { Database, KnowledgeChunkStagingTable } from '../schema.js';
import type { SourceKind } from './knowledge-sources-repository.js';

/** A chunk to stage; the embedding as float32 values. */
export type NewStagedChunk = Omit<Insertable<KnowledgeChunkStagingTable>, 'id' | 'taskId' | 'attempt' | 'embedding'> & { embedding: Float32Array };

/** Who staged a chunk: one attempt of one job. */
export interface StagingRun {
  taskId: string;
  attempt: number;
}

/** A chunk as a move left it in `knowledge_chunks`: its new id, and what identifies it within its job. */
export interface MovedChunk {
  id: number;
  sourceUrl: string | null;
  ordinal: number;
}

/** The columns a staged chunk carries over into `knowledge_chunks` (which adds its id and createdAt). */
const movedColumns = [
  'knowledgeBaseId',
  'sourceKind',
  'sourceId',
  'sourceTitle',
  'sourceUrl',
  'ordinal',
  'text',
  'tokenCount',
  'location',
  'embedding',
  'embeddingModel',
] as const;

/** Bound parameters per statement stay well under SQLite's limit of 32766. */
const insertBatchSize = 500;

/**
 * Rows moved per statement. Each statement also lists its rows in the full-text backlog (a
 * trigger, migration 0009); on SQLite it holds the thread while it runs, so it is kept short.
 */
const moveBatchSize = 500;

/**
 * Chunks an ingestion job has made but not yet committed (`knowledge_chunk_staging`). Searches
 * never read this table; only the job that staged the rows moves them into `knowledge_chunks`.
 */
export class KnowledgeChunkStagingRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly capabilities: Pick<StorageCapabilities, 'timestampType'>,
  ) {}

  /** Appends chunks to what the run has staged, keeping their order. */
  async insert(run: StagingRun, chunks: readonly NewStagedChunk[]): Promise<void> {
    const { taskId, attempt } = run;
    for (let start = 0; start < chunks.length; start += insertBatchSize) {
      const rows = chunks.slice(start, start + insertBatchSize).map((chunk) => ({ ...chunk, taskId, attempt, embedding: toBytes(chunk.embedding) }));
      await this.db.insertInto('knowledgeChunkStaging').values(rows).execute();
    }
  }

  /** How many chunks the job has staged, over all its attempts. */
  async countTask(taskId: string): Promise<number> {
    const row = await this.db
      .selectFrom('knowledgeChunkStaging')
      .select((select) => select.fn.countAll<number>().as('count'))
      .where('taskId', '=', taskId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Forgets what every attempt of the job staged: the leftovers of a crashed attempt. */
  async deleteTask(taskId: string): Promise<void> {
    await this.db.deleteFrom('knowledgeChunkStaging').where('taskId', '=', taskId).execute();
  }

  /** Forgets what one attempt staged, when it will not commit. */
  async deleteRun(run: StagingRun): Promise<void> {
    await this.db.deleteFrom('knowledgeChunkStaging').where('taskId', '=', run.taskId).where('attempt', '=', run.attempt).execute();
  }

  /** Forgets everything staged for a source, by any job. */
  async deleteSource(kind: SourceKind, sourceId: string): Promise<void> {
    await this.db.deleteFrom('knowledgeChunkStaging').where('sourceKind', '=', kind).where('sourceId', '=', sourceId).execute();
  }

  /**
   * Copies what the run staged into `knowledge_chunks` in staging order, a few hundred rows per
   * statement with `between` awaited in between (to let the event loop run), stamped `createdAt`.
   * Run it in the transaction that also removes the chunks being replaced; the staged rows stay
   * until deleted.
   */
  async moveRun(run: StagingRun, createdAt: string, between: () => Promise<void> = async () => {}): Promise<MovedChunk[]> {
    const { taskId, attempt } = run;
    const moved: MovedChunk[] = [];
    for (let after = -1; ; ) {
      const window = await this.db
        .selectFrom('knowledgeChunkStaging')
        .select('id')
        .where('taskId', '=', taskId)
        .where('attempt', '=', attempt)
        .where('id', '>', after)
        .orderBy('id')
        .limit(moveBatchSize)
        .execute();
      const first = window[0];
      const last = window.at(-1);
      if (!first || !last) return moved;
      const rows = await this.db
        .insertInto('knowledgeChunks')
        .columns([...movedColumns, 'createdAt'])
        .expression((expression) =>
          expression
            .selectFrom('knowledgeChunkStaging')
            .select([...movedColumns, sql<string>`cast(${createdAt} as ${sql.raw(this.capabilities.timestampType)})`.as('createdAt')])
            .where('taskId', '=', taskId)
            .where('attempt', '=', attempt)
            .where('id', '>=', first.id)
            .where('id', '<=', last.id)
            .orderBy('id'),
        )
        .returning(['id', 'sourceUrl', 'ordinal'])
        .execute();
      for (const row of rows) moved.push({ id: Number(row.id), sourceUrl: row.sourceUrl, ordinal: row.ordinal });
      after = Number(last.id);
      await between();
    }
  }
}

function toBytes(vector: Float32Array): Uint8Array {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}
