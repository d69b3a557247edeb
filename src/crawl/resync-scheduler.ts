export interface ResyncSchedulerOptions<Link> {
  /** How often to look for due links, in milliseconds. */
  intervalMs: number;
  /**
   * The links whose re-sync is due at `now` (`lastSyncedAt + updateInterval <= now`). It should
   * leave out links whose sync is already queued or running, or a slow sync is queued again.
   */
  findDueLinks(now: Date): Promise<readonly Link[]>;
  /** Queues one link's re-sync job (idempotently: a job id per requested sync). */
  enqueueResync(link: Link): Promise<void>;
  /** Hears about a failed lookup or enqueue; the scheduler carries on with the next link and run. */
  onError?(error: unknown): void;
  /** The clock; injectable for tests. */
  now?(): Date;
}

/**
 * Re-syncs links on their knowledge base's update interval: every `intervalMs` it asks which
 * links are due and queues a job for each. Runs never overlap: the next one is scheduled only
 * after the last has finished, and `runOnce` during a run joins that run instead of starting
 * another. The timer does not keep the process alive.
 */
export class ResyncScheduler<Link> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private started = false;

  constructor(private readonly options: ResyncSchedulerOptions<Link>) {
    if (!Number.isInteger(options.intervalMs) || options.intervalMs < 1) {
      throw new RangeError('intervalMs must be a positive integer');
    }
  }

  /** Schedules the first run one interval from now; starting twice changes nothing. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.scheduleNext();
  }

  /** Cancels the next run and waits for one in progress to finish. */
  async stop(): Promise<void> {
    this.started = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Queues every due link now; resolves when done. Never rejects: errors go to `onError`. */
  runOnce(): Promise<void> {
    this.running ??= this.enqueueDueLinks().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private scheduleNext(): void {
    const timer = setTimeout(() => {
      void this.runOnce().then(() => {
        // Only the chain `stop` has not cut (and no later `start` has replaced) goes on.
        if (this.timer === timer) this.scheduleNext();
      });
    }, this.options.intervalMs);
    timer.unref();
    this.timer = timer;
  }

  private async enqueueDueLinks(): Promise<void> {
    let dueLinks: readonly Link[];
    try {
      dueLinks = await this.options.findDueLinks(this.options.now?.() ?? new Date());
    } catch (error) {
      this.options.onError?.(error);
      return;
    }
    for (const link of dueLinks) {
      try {
        await this.options.enqueueResync(link);
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }
}

/**
 * Whether a link is due for a re-sync at `now`, for `findDueLinks` implementations that filter
 * in memory; an interval of 0 or less turns re-syncing off. `since` is the link's `lastSyncedAt`,
 * or, when its last sync failed or it never synced, the time of that attempt (the row's
 * `updatedAt`): `lastSyncedAt` does not move on failure, so a failing site would otherwise be
 * retried on every scheduler tick instead of once per interval.
 */
export function isResyncDue(since: string, updateIntervalSeconds: number, now: Date): boolean {
  if (!(updateIntervalSeconds > 0)) return false;
  return Date.parse(since) + updateIntervalSeconds * 1000 <= now.getTime();
}
