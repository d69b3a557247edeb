import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Bm25Index, type Bm25Hit } from '../../search/bm25-index.js';
import { bm25Document } from '../../search/bm25-terms.js';
import type { Store } from '../../storage/store.js';
import { IndexCatchUp, type StartedSync } from './index-catch-up.js';
import type { SparseIndexSnapshots } from './sparse-index-snapshots.js';

/** Which knowledge base to search, at the content version the caller just read. */
export interface SparseTarget {
  id: string;
  contentVersion: number;
}

export interface SparseIndexOptions {
  /**
   * Most chunks a search waits to have tokenized before it answers from this index. A knowledge
   * base with more chunks missing (first search after a start, or a big upload just landed) is
   * brought up to date in the background meanwhile, and the caller answers from the database's
   * full-text search. Tokenizing runs at ~20 MB/s, so the default keeps the wait near 1 s.
   */
  maximumWaitChunks?: number;
  /** Where indexes are kept across restarts; none by default (tests, or no writable DATA_DIR). */
  snapshots?: SparseIndexSnapshots | undefined;
  /** Chunks tokenized since the last snapshot that make another one worth writing; default 5,000. */
  snapshotAfterChunks?: number;
  /** How long after such a sync the snapshot is written, so a burst of uploads writes it once; default 10 s. */
  snapshotDelayMs?: number;
  /** Where a failed snapshot write is reported (the index itself is unaffected). */
  onError?: (error: unknown) => void;
}

interface LoadedKnowledgeBase {
  index: Bm25Index;
  contentVersion: number;
}

/** Chunks fetched per query. */
const fetchBatchSize = 2_000;
/** Chunks tokenized between turns of the event loop: ~15 ms of work, so a build never stalls requests for long. */
const tokenizeSliceSize = 250;

/**
 * This process's sparse index: one {@link Bm25Index} per knowledge base, built on its first
 * search and brought up to date whenever a search arrives with a newer content version.
 *
 * The database stays the truth, as for the dense index (decisions/0006): chunks are only ever
 * inserted or deleted, never changed, so bringing an index up to date is a diff of chunk ids
 * (those gone are removed, those new are fetched and tokenized) whoever made the change, this
 * process or another. A fresh process starts empty.
 */
export class SparseIndex {
  readonly #loaded = new Map<string, LoadedKnowledgeBase>();
  readonly #catchUp = new IndexCatchUp<SparseTarget>(
    (target) => (this.#loaded.get(target.id)?.contentVersion ?? -1) >= target.contentVersion,
    (target) => this.#startSync(target),
  );
  readonly #maximumWaitChunks: number;
  readonly #snapshots: SparseIndexSnapshots | undefined;
  readonly #snapshotAfterChunks: number;
  readonly #snapshotDelayMs: number;
  readonly #onError: (error: unknown) => void;
  /** Chunks tokenized since each knowledge base's last snapshot. */
  readonly #unsaved = new Map<string, number>();
  readonly #snapshotTimers = new Map<string, NodeJS.Timeout>();
  readonly #snapshotWrites = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    options: SparseIndexOptions = {},
  ) {
    this.#maximumWaitChunks = options.maximumWaitChunks ?? 10_000;
    this.#snapshots = options.snapshots;
    this.#snapshotAfterChunks = options.snapshotAfterChunks ?? 5_000;
    this.#snapshotDelayMs = options.snapshotDelayMs ?? 10_000;
    this.#onError = options.onError ?? (() => undefined);
  }

  /**
   * The `limit` best chunks of the knowledge base for these stemmed terms
   * ({@link bm25QueryTerms}), or undefined when its index is still being built: the caller then
   * asks the database.
   */
  async search(target: SparseTarget, terms: readonly string[], limit: number): Promise<Bm25Hit[] | undefined> {
    if (!(await this.#catchUp.catchUp(target, this.#maximumWaitChunks))) return undefined;
    return this.#loaded.get(target.id)?.index.search(terms, limit) ?? [];
  }

  /** Waits until the knowledge base's index is current, however long the build takes (warm-up, benchmarks). */
  async prepare(target: SparseTarget): Promise<void> {
    await this.#catchUp.catchUp(target, Number.POSITIVE_INFINITY);
  }

  /** Drops a knowledge base's index (it was deleted). */
  forget(knowledgeBaseId: string): void {
    this.#loaded.delete(knowledgeBaseId);
    this.#catchUp.invalidate(knowledgeBaseId);
    clearTimeout(this.#snapshotTimers.get(knowledgeBaseId));
    this.#snapshotTimers.delete(knowledgeBaseId);
    this.#unsaved.delete(knowledgeBaseId);
    this.#snapshots?.remove(knowledgeBaseId).catch(this.#onError);
  }

  /** Cancels scheduled snapshot writes and waits for one in progress (the process is shutting down). */
  async close(): Promise<void> {
    for (const timer of this.#snapshotTimers.values()) clearTimeout(timer);
    this.#snapshotTimers.clear();
    await Promise.all(this.#snapshotWrites);
  }

  /** Lists the knowledge base's chunk ids and starts applying the difference. */
  async #startSync(target: SparseTarget): Promise<StartedSync> {
    const generation = this.#catchUp.generation(target.id);
    const ids = await this.store.knowledgeChunks.listIds(target.id);
    const index = this.#loaded.get(target.id)?.index ?? (await this.#snapshots?.load(target.id)) ?? new Bm25Index();
    const added = ids.filter((id) => !index.has(id));
    const done = this.#apply(target, index, new Set(ids), added).then(() => {
      if (this.#catchUp.generation(target.id) !== generation) this.#loaded.delete(target.id);
      else this.#noteTokenized(target.id, added.length);
    });
    return { missing: added.length, done };
  }

  /** Schedules a snapshot once enough tokenizing would be saved by one. */
  #noteTokenized(knowledgeBaseId: string, count: number): void {
    if (!this.#snapshots) return;
    const unsaved = (this.#unsaved.get(knowledgeBaseId) ?? 0) + count;
    this.#unsaved.set(knowledgeBaseId, unsaved);
    if (unsaved < this.#snapshotAfterChunks || this.#snapshotTimers.has(knowledgeBaseId)) return;
    const timer = setTimeout(() => {
      this.#snapshotTimers.delete(knowledgeBaseId);
      const loaded = this.#loaded.get(knowledgeBaseId);
      const snapshots = this.#snapshots;
      if (!loaded || !snapshots) return;
      this.#unsaved.delete(knowledgeBaseId);
      const generation = this.#catchUp.generation(knowledgeBaseId);
      const write = snapshots
        .save(knowledgeBaseId, loaded.index)
        // Deleted while it was written: a deleted knowledge base leaves nothing on disk.
        .then(() => (this.#catchUp.generation(knowledgeBaseId) !== generation ? snapshots.remove(knowledgeBaseId) : undefined))
        .catch(this.#onError)
        .finally(() => this.#snapshotWrites.delete(write));
      this.#snapshotWrites.add(write);
    }, this.#snapshotDelayMs);
    timer.unref();
    this.#snapshotTimers.set(knowledgeBaseId, timer);
  }

  /**
   * Applies the difference between the index and the ids the database listed, then records the
   * content version the search read before that listing: a change committed in between is
   * already in, and the next search, seeing a newer version, diffs again.
   */
  async #apply(target: SparseTarget, index: Bm25Index, present: ReadonlySet<number>, added: readonly number[]): Promise<void> {
    const removed = [...index.chunkIds()].filter((id) => !present.has(id));
    for (const id of removed) index.remove(id);
    try {
      for (let start = 0; start < added.length; start += fetchBatchSize) {
        const rows = await this.store.knowledgeChunks.listTexts(target.id, added.slice(start, start + fetchBatchSize));
        for (let position = 0; position < rows.length; position++) {
          const row = rows[position]!;
          index.add(row.id, bm25Document(row.text));
          if ((position + 1) % tokenizeSliceSize === 0) await yieldToEventLoop();
        }
      }
    } catch (error) {
      // Half applied: the next search rebuilds from scratch rather than trust it.
      this.#loaded.delete(target.id);
      throw error;
    }
    const loaded = this.#loaded.get(target.id);
    if (!loaded || loaded.index !== index) this.#loaded.set(target.id, { index, contentVersion: target.contentVersion });
    else loaded.contentVersion = Math.max(loaded.contentVersion, target.contentVersion);
  }
}
