import { isResyncDue, ResyncScheduler } from '../../crawl/resync-scheduler.js';
import type { ResyncCandidate } from '../../storage/repositories/knowledge-links-repository.js';
import type { Store } from '../../storage/store.js';
import type { IngestionScheduler } from './ingestion-scheduler.js';

export interface LinkResyncOptions {
  /** How often to look for due links, in milliseconds; 0 never looks on its own (`runOnce` still works). */
  intervalMs: number;
  onError: (error: unknown) => void;
}

/**
 * Scheduled re-syncs of links, on their knowledge base's `updateInterval` (seconds; 0 never).
 * A link is due one interval after its last successful sync, or after its last attempt when that
 * failed (`lastSyncedAt` does not move on failure, so a failing site is retried once per
 * interval, not on every tick). Links whose sync is queued or running are never asked again:
 * they are not candidates, and the request itself only succeeds on a link whose sync has ended.
 */
export class LinkResync {
  private readonly scheduler: ResyncScheduler<ResyncCandidate>;
  private readonly periodic: boolean;

  constructor(
    private readonly store: Store,
    private readonly ingestion: IngestionScheduler,
    options: LinkResyncOptions,
  ) {
    this.periodic = options.intervalMs > 0;
    this.scheduler = new ResyncScheduler({
      intervalMs: Math.max(options.intervalMs, 1),
      findDueLinks: (now) => this.findDueLinks(now),
      enqueueResync: (link) => this.requestResync(link),
      onError: options.onError,
    });
  }

  /** Starts the periodic check (unless its interval is 0); run it once the job queue has started. */
  start(): void {
    if (this.periodic) this.scheduler.start();
  }

  /** Stops the periodic check and waits for a check in progress; run it before the job queue closes. */
  stop(): Promise<void> {
    return this.scheduler.stop();
  }

  /** Queues every due link's re-sync now, as each tick does. Never rejects: errors go to `onError`. */
  runOnce(): Promise<void> {
    return this.scheduler.runOnce();
  }

  private async findDueLinks(now: Date): Promise<ResyncCandidate[]> {
    const candidates = await this.store.knowledgeLinks.listResyncCandidates();
    return candidates.filter((link) => {
      const since = link.status === 'FAILURE' ? link.updatedAt : (link.lastSyncedAt ?? link.updatedAt);
      return isResyncDue(since, link.updateInterval, now);
    });
  }

  /** Counts one more requested sync (a new job id) and hands the link to the ingestion scheduler. */
  private async requestResync(candidate: ResyncCandidate): Promise<void> {
    const link = await this.store.knowledgeLinks.requestSync(candidate.id, new Date().toISOString());
    const knowledgeBase = link && (await this.store.knowledgeBases.findById(link.knowledgeBaseId));
    if (!link || !knowledgeBase) return;
    await this.ingestion.schedule(knowledgeBase, { kind: 'link', row: link });
  }
}
