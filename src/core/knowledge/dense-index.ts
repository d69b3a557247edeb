import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { VectorIndex, type VectorSearchHit } from '../../search/vector-index.js';
import type { Store } from '../../storage/store.js';
import { IndexCatchUp, type StartedSync } from './index-catch-up.js';

/** Which knowledge base to search, at which content version, with which model's vectors. */
export interface DenseTarget {
  id: string;
  contentVersion: number;
  modelKey: string;
}

/** A committed replacement of some of a knowledge base's chunks. */
export interface ChunkChange {
  removedIds: readonly number[];
  insertedIds: readonly number[];
  /**
   * The inserted chunks' vectors, in the same order; undefined when the ingestion did not keep
   * them (too many to hold), and the next search fetches them from the table.
   */
  vectors: readonly Float32Array[] | undefined;
  /** The knowledge base's content version after the change. */
  contentVersion: number;
}

interface LoadedKnowledgeBase {
  modelKey: string;
  contentVersion: number;
}

/** Embeddings fetched per query while catching up. */
const fetchBatchSize = 2_000;

/**
 * This process's dense index: one {@link VectorIndex} per embedding model, filled per knowledge
 * base on its first search and kept current by the ingestion jobs this process runs.
 *
 * The database stays the truth. Every knowledge base carries a content version bumped in the
 * same transaction as any chunk change; a search passes the version it just read. A small change
 * this process committed arrives with its vectors ({@link applyChange}); any other (another
 * process's, a large upload's, one out of order) is caught up on the next search by diffing the
 * knowledge base's chunk ids with the table and fetching only the new vectors, as the sparse index
 * does (decisions/0009). A fresh process starts empty and loads lazily, which is the rebuild on
 * start; a search that may go without vectors (hybrid) does not wait for more than
 * `maximumWaitVectors` of them.
 */
export class DenseIndex {
  private readonly indexes = new Map<string, VectorIndex>();
  private readonly loaded = new Map<string, LoadedKnowledgeBase>();
  private readonly catchUp = new IndexCatchUp<DenseTarget>(
    (target) => {
      const loaded = this.loaded.get(target.id);
      return loaded?.modelKey === target.modelKey && loaded.contentVersion >= target.contentVersion;
    },
    (target) => this.startSync(target),
  );

  constructor(
    private readonly store: Store,
    private readonly maximumWaitVectors = 10_000,
  ) {}

  /**
   * The `limit` nearest chunks among `targets`, which must all use the same model as `vector`.
   * With `waitForAll` false, undefined when a knowledge base still misses more vectors than the
   * index waits for: they are fetched in the background and the caller goes without.
   */
  async search(targets: readonly DenseTarget[], vector: Float32Array, limit: number, waitForAll = true): Promise<VectorSearchHit[] | undefined> {
    const modelKey = targets[0]?.modelKey;
    if (modelKey === undefined) return [];
    const maximumWait = waitForAll ? Number.POSITIVE_INFINITY : this.maximumWaitVectors;
    const ready = await Promise.all(targets.map((target) => this.catchUp.catchUp(target, maximumWait)));
    // Not current after waiting means other changes kept landing: what is held is still fine to read.
    if (ready.includes(false) && !waitForAll) return undefined;
    const index = this.indexes.get(modelKey);
    if (!index || index.dimensions !== vector.length) return [];
    return index.search({ vector, knowledgeBaseIds: targets.map((target) => target.id), limit });
  }

  /**
   * Applies a committed change that brings its vectors, when this process holds the version
   * right before it; otherwise leaves the knowledge base at its older version, and the next
   * search catches up from the table.
   */
  applyChange(knowledgeBaseId: string, modelKey: string, change: ChunkChange): void {
    const loaded = this.loaded.get(knowledgeBaseId);
    const index = this.indexes.get(modelKey);
    const vectors = change.vectors;
    if (!loaded || !index || this.catchUp.isSyncing(knowledgeBaseId)) return;
    if (loaded.modelKey !== modelKey || loaded.contentVersion !== change.contentVersion - 1) return;
    if (vectors?.length !== change.insertedIds.length || vectors.some((vector) => vector.length !== index.dimensions)) return;
    for (const id of change.removedIds) index.remove(String(id));
    change.insertedIds.forEach((id, position) => index.upsert(String(id), knowledgeBaseId, vectors[position]!));
    loaded.contentVersion = change.contentVersion;
  }

  /** Drops a knowledge base's vectors (it was deleted). */
  forget(knowledgeBaseId: string): void {
    for (const index of this.indexes.values()) index.removeKnowledgeBase(knowledgeBaseId);
    this.loaded.delete(knowledgeBaseId);
    this.catchUp.invalidate(knowledgeBaseId);
  }

  /** Lists the knowledge base's chunk ids for its model and starts applying the difference. */
  private async startSync(target: DenseTarget): Promise<StartedSync> {
    if (this.loaded.get(target.id)?.modelKey !== target.modelKey) this.forget(target.id);
    const generation = this.catchUp.generation(target.id);
    const ids = await this.store.knowledgeChunks.listIds(target.id, target.modelKey);
    const held = new Set(this.indexes.get(target.modelKey)?.chunkIdsOf(target.id));
    const present = new Set(ids.map(String));
    const added = ids.filter((id) => !held.has(String(id)));
    const removed = [...held].filter((id) => !present.has(id));
    return { missing: added.length, done: this.apply(target, removed, added, generation) };
  }

  /** Removes vectors gone from the table, fetches the new ones, then records the version read before the listing. */
  private async apply(target: DenseTarget, removed: readonly string[], added: readonly number[], generation: number): Promise<void> {
    try {
      const existing = this.indexes.get(target.modelKey);
      for (const id of removed) existing?.remove(id);
      for (let start = 0; start < added.length; start += fetchBatchSize) {
        const rows = await this.store.knowledgeChunks.listEmbeddingsByIds(target.id, added.slice(start, start + fetchBatchSize));
        for (const row of rows) {
          const index = this.indexFor(target.modelKey, row.embedding.length);
          if (row.embedding.length === index.dimensions) index.upsert(String(row.id), target.id, row.embedding);
        }
        if (start + fetchBatchSize < added.length) await yieldToEventLoop();
      }
    } catch (error) {
      // Half applied: the next search starts this knowledge base over.
      this.forget(target.id);
      throw error;
    }
    if (this.catchUp.generation(target.id) !== generation) this.forget(target.id);
    else this.loaded.set(target.id, { modelKey: target.modelKey, contentVersion: target.contentVersion });
  }

  private indexFor(modelKey: string, dimensions: number): VectorIndex {
    let index = this.indexes.get(modelKey);
    if (!index) {
      index = new VectorIndex({ dimensions });
      this.indexes.set(modelKey, index);
    }
    return index;
  }
}
