/** A knowledge base to search, at the content version the caller just read. */
export interface CatchUpTarget {
  id: string;
  contentVersion: number;
}

/** A sync an index has started: how many chunks it must fetch, and when it is applied. */
export interface StartedSync {
  missing: number;
  done: Promise<void>;
}

/**
 * How both in-process indexes (sparse-index.ts, dense-index.ts) come up to date with the chunks
 * table: at most one sync per knowledge base at a time, every search of it waiting for that sync
 * unless more chunks are missing than the search is willing to wait for.
 */
export class IndexCatchUp<Target extends CatchUpTarget> {
  readonly #syncing = new Map<string, Promise<StartedSync>>();
  readonly #generations = new Map<string, number>();

  constructor(
    /** Whether the index holds `target` at its content version or a later one (versions only grow). */
    private readonly holds: (target: Target) => boolean,
    /** Lists what is missing and starts applying it; runs at most once at a time per knowledge base. */
    private readonly startSync: (target: Target) => Promise<StartedSync>,
  ) {}

  /**
   * Bumped by {@link invalidate}: work started for a knowledge base under an older generation
   * (a sync, a snapshot write) keeps nothing, since the knowledge base was forgotten meanwhile.
   */
  generation(knowledgeBaseId: string): number {
    return this.#generations.get(knowledgeBaseId) ?? 0;
  }

  /** The index forgot the knowledge base (it was deleted, or its model changed). */
  invalidate(knowledgeBaseId: string): void {
    this.#generations.set(knowledgeBaseId, this.generation(knowledgeBaseId) + 1);
  }

  isSyncing(knowledgeBaseId: string): boolean {
    return this.#syncing.has(knowledgeBaseId);
  }

  /** Current means held at the caller's version or later, and no sync half applied. */
  isCurrent(target: Target): boolean {
    return this.holds(target) && !this.#syncing.has(target.id);
  }

  /** Whether `target` is current, after waiting for at most `maximumWaitChunks` chunks to be fetched. */
  async catchUp(target: Target, maximumWaitChunks: number): Promise<boolean> {
    for (let attempt = 0; !this.isCurrent(target); attempt++) {
      // Two rounds: a sync already running may have listed ids before the caller's version.
      if (attempt === 2) return false;
      let sync = this.#syncing.get(target.id);
      if (!sync) {
        sync = this.#start(target);
        this.#syncing.set(target.id, sync);
      }
      const { missing, done } = await sync;
      if (missing > maximumWaitChunks) return false;
      await done;
    }
    return true;
  }

  async #start(target: Target): Promise<StartedSync> {
    // The entry leaves the map before any waiter resumes, so a waiter sees the result.
    const finish = () => this.#syncing.delete(target.id);
    try {
      const started = await this.startSync(target);
      const done = started.done.finally(finish);
      // A background sync nobody waits for must not become an unhandled rejection.
      done.catch(() => undefined);
      return { missing: started.missing, done };
    } catch (error) {
      finish();
      throw error;
    }
  }
}
