import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Store } from '../../storage/store.js';

export interface FullTextIndexerOptions {
  /** Chunks indexed per statement: a few tens of milliseconds of work. Default 500. */
  batchSize?: number;
  /** How often the backlog is looked at, for chunks written by other processes or before a restart. Default 1 s. */
  pollIntervalMs?: number;
  /** Longest the backlog waits for ingestions to finish; after that it is indexed alongside them. Default 30 s. */
  maximumDeferMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Fills the database's full-text index (FTS5 / `tsvector`) from the backlog of chunks written
 * since (migration 0009), in the background: that index only answers while the in-process BM25
 * index of a large knowledge base is still being built (decisions/0009), and filling it inside
 * the ingestion's final transaction was the largest single cost of ingesting plain text
 * (decisions/0010). Ingestion comes first: while this process ingests, the backlog waits, for at
 * most `maximumDeferMs`; then it is worked off a batch at a time between turns of the event loop.
 * The backlog lives in the database, so a crash loses nothing and any process can work it off.
 */
export class FullTextIndexer {
  readonly #batchSize: number;
  readonly #pollIntervalMs: number;
  readonly #maximumDeferMs: number;
  readonly #onError: (error: unknown) => void;
  #ingesting = 0;
  #deferredSince: number | undefined;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #started = false;
  #closed = false;

  constructor(
    private readonly store: Store,
    options: FullTextIndexerOptions = {},
  ) {
    this.#batchSize = options.batchSize ?? 500;
    this.#pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.#maximumDeferMs = options.maximumDeferMs ?? 30_000;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Starts working off the backlog, now and at every poll. */
  start(): void {
    this.#started = true;
    this.#schedule(0);
  }

  /** Runs an ingestion, holding the backlog back meanwhile (see the class comment). */
  async whileIngesting<T>(ingestion: () => Promise<T>): Promise<T> {
    this.#ingesting += 1;
    try {
      return await ingestion();
    } finally {
      this.#ingesting -= 1;
      if (this.#ingesting === 0) this.#schedule(0);
    }
  }

  /** Indexes the whole backlog now, whatever is being ingested (benchmarks, tests). */
  async drain(): Promise<void> {
    while ((await this.store.knowledgeChunks.indexFullTextBacklog(this.#batchSize)) > 0) await yieldToEventLoop();
  }

  /** Stops polling and waits for a batch in progress (the process is shutting down). */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#running;
  }

  #schedule(delayMs: number): void {
    if (!this.#started || this.#closed || this.#running) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#running = this.#workOff()
        .catch(this.#onError)
        .finally(() => {
          this.#running = undefined;
          this.#schedule(this.#pollIntervalMs);
        });
    }, delayMs);
    this.#timer.unref();
  }

  async #workOff(): Promise<void> {
    while (!this.#closed) {
      if (this.#ingesting > 0) {
        this.#deferredSince ??= Date.now();
        if (Date.now() - this.#deferredSince < this.#maximumDeferMs) return;
      }
      const indexed = await this.store.knowledgeChunks.indexFullTextBacklog(this.#batchSize);
      if (indexed === 0) {
        this.#deferredSince = undefined;
        return;
      }
      await yieldToEventLoop();
    }
  }
}
