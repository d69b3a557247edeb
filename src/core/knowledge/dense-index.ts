import { VectorIndex, type VectorSearchHit } from '../../search/vector-index.js';
import type { Store } from '../../storage/store.js';

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
  vectors: readonly Float32Array[];
  /** The knowledge base's content version after the change. */
  contentVersion: number;
}

interface LoadedKnowledgeBase {
  modelKey: string;
  contentVersion: number;
}

/**
 * This process's dense index: one {@link VectorIndex} per embedding model, filled per knowledge
 * base on its first search and kept current by the ingestion jobs this process runs.
 *
 * The database stays the truth. Every knowledge base carries a content version bumped in the
 * same transaction as any chunk change; a search passes the version it just read, and a
 * knowledge base loaded at another version (changed by another process, or by a change this
 * process could not apply in order) is reloaded before it is searched. A fresh process starts
 * empty and loads lazily, which is the rebuild on start.
 */
export class DenseIndex {
  private readonly indexes = new Map<string, VectorIndex>();
  private readonly loaded = new Map<string, LoadedKnowledgeBase>();
  private readonly loading = new Map<string, Promise<void>>();

  constructor(private readonly store: Store) {}

  /** The `limit` nearest chunks among `targets`, which must all use the same model as `vector`. */
  async search(targets: readonly DenseTarget[], vector: Float32Array, limit: number): Promise<VectorSearchHit[]> {
    const modelKey = targets[0]?.modelKey;
    if (modelKey === undefined) return [];
    await Promise.all(targets.map((target) => this.ensureCurrent(target)));
    const index = this.indexes.get(modelKey);
    if (!index || index.dimensions !== vector.length) return [];
    return index.search({ vector, knowledgeBaseIds: targets.map((target) => target.id), limit });
  }

  /** Applies a committed change if this process holds the version right before it; else forgets the knowledge base. */
  applyChange(knowledgeBaseId: string, modelKey: string, change: ChunkChange): void {
    const loaded = this.loaded.get(knowledgeBaseId);
    if (!loaded) return;
    const index = this.indexes.get(modelKey);
    const inOrder = loaded.modelKey === modelKey && loaded.contentVersion === change.contentVersion - 1;
    if (!inOrder || !index || change.vectors.some((vector) => vector.length !== index.dimensions)) {
      this.forget(knowledgeBaseId);
      return;
    }
    for (const id of change.removedIds) index.remove(String(id));
    change.insertedIds.forEach((id, position) => index.upsert(String(id), knowledgeBaseId, change.vectors[position]!));
    loaded.contentVersion = change.contentVersion;
  }

  /** Drops a knowledge base's vectors (it was deleted, or must be reloaded). */
  forget(knowledgeBaseId: string): void {
    for (const index of this.indexes.values()) index.removeKnowledgeBase(knowledgeBaseId);
    this.loaded.delete(knowledgeBaseId);
  }

  private async ensureCurrent(target: DenseTarget): Promise<void> {
    const loaded = this.loaded.get(target.id);
    if (loaded?.modelKey === target.modelKey && loaded.contentVersion === target.contentVersion) return;
    let loading = this.loading.get(target.id);
    if (!loading) {
      loading = this.load(target).finally(() => this.loading.delete(target.id));
      this.loading.set(target.id, loading);
    }
    await loading;
  }

  private async load(target: DenseTarget): Promise<void> {
    const rows = await this.store.knowledgeChunks.listEmbeddings(target.id, target.modelKey);
    this.forget(target.id);
    const first = rows[0];
    if (first) {
      let index = this.indexes.get(target.modelKey);
      if (!index) {
        index = new VectorIndex({ dimensions: first.embedding.length });
        this.indexes.set(target.modelKey, index);
      }
      for (const row of rows) {
        if (row.embedding.length === index.dimensions) index.upsert(String(row.id), target.id, row.embedding);
      }
    }
    this.loaded.set(target.id, { modelKey: target.modelKey, contentVersion: target.contentVersion });
  }
}
