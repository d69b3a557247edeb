import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Chunk } from '../../ingest/chunker.js';
import type { MovedChunk, StagingRun } from '../../storage/repositories/knowledge-chunk-staging-repository.js';
import type { Repositories, Store } from '../../storage/store.js';
import { toStagedChunks, type ChunkEmbedder, type ChunkOrigin } from './chunk-embedding.js';

/** A chunk with where it comes from: a file, an item, or one page of a link. */
export interface OriginChunk {
  origin: ChunkOrigin;
  chunk: Chunk;
}

/**
 * Chunks embedded together (one provider request for many small pages) and staged together,
 * with their vectors when the reader already made them (the built-in model, on the worker).
 */
export interface StagingBatch {
  items: readonly OriginChunk[];
  vectors?: readonly Float32Array[] | undefined;
}

/**
 * Vectors kept in memory for the dense index, at most: a change up to this size is applied to a
 * loaded index directly; a larger one makes it reload the knowledge base on its next search.
 */
const keptVectorBytes = 4 * 1024 * 1024;

/** What a run staged: how many chunks, and their vectors while few enough to hold. */
export class StagedChunks {
  count = 0;
  /** Characters of chunk text, for progress. */
  characters = 0;
  #vectors: Map<string, Float32Array> | undefined = new Map();
  #vectorBytes = 0;

  add(batch: readonly OriginChunk[], vectors: readonly Float32Array[]): void {
    this.count += batch.length;
    for (const { chunk } of batch) this.characters += chunk.text.length;
    if (!this.#vectors) return;
    for (const vector of vectors) this.#vectorBytes += vector.byteLength;
    if (this.#vectorBytes > keptVectorBytes) {
      this.#vectors = undefined;
      return;
    }
    batch.forEach(({ origin, chunk }, position) => this.#vectors?.set(vectorKey(origin.sourceUrl, chunk.ordinal), vectors[position]!));
  }

  /** The vectors of the moved chunks, in their order; undefined when there were too many to keep. */
  vectorsOf(moved: readonly MovedChunk[]): Float32Array[] | undefined {
    const vectors: Float32Array[] = [];
    for (const chunk of moved) {
      const vector = this.#vectors?.get(vectorKey(chunk.sourceUrl, chunk.ordinal));
      if (!vector) return undefined;
      vectors.push(vector);
    }
    return vectors;
  }
}

/** Chunks are unique within a run by page (links) and ordinal. */
function vectorKey(sourceUrl: string | null, ordinal: number): string {
  return `${ordinal} ${sourceUrl ?? ''}`;
}

/**
 * Embeds chunk batches as they arrive and stages them (`knowledge_chunk_staging`), so an
 * ingestion holds one batch at a time however large the source; the job's final transaction
 * then moves them into `knowledge_chunks` with {@link ChunkStager.commit}. Between batches the
 * event loop gets a turn, so a large upload does not stall requests being served meanwhile.
 */
export class ChunkStager {
  constructor(private readonly store: Store) {}

  /**
   * Clears what earlier attempts of the job staged (a crash leaves rows behind), then stages
   * every batch. `afterBatch` runs after each one, e.g. to report progress.
   */
  async stage(
    run: StagingRun,
    batches: AsyncIterable<StagingBatch>,
    embedder: ChunkEmbedder,
    signal: AbortSignal,
    afterBatch: (staged: StagedChunks) => Promise<void> = async () => {},
  ): Promise<StagedChunks> {
    await this.store.knowledgeChunkStaging.deleteTask(run.taskId);
    const staged = new StagedChunks();
    for await (const { items, vectors: made } of batches) {
      signal.throwIfAborted();
      const vectors = made ?? (await embedder.embed(items.map(({ chunk }) => chunk), signal));
      await this.store.knowledgeChunkStaging.insert(run, toStagedChunks(items, vectors, embedder.modelKey));
      staged.add(items, vectors);
      await afterBatch(staged);
      await yieldToEventLoop();
    }
    return staged;
  }

  /** Moves the run's staged chunks into `knowledge_chunks`; call within the job's final transaction. */
  commit(repositories: Repositories, run: StagingRun, createdAt: string): Promise<MovedChunk[]> {
    return repositories.knowledgeChunkStaging.moveRun(run, createdAt, async () => {
      await yieldToEventLoop();
    });
  }

  /** Best effort: forgets what a run staged when it will not commit (a later run would anyway). */
  async discard(run: StagingRun): Promise<void> {
    await this.store.knowledgeChunkStaging.deleteRun(run).catch(() => undefined);
  }
}
