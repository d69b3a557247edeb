import { randomUUID } from 'node:crypto';
import { JobDefinitions, assertValidJobId, retryDelayMs, type JobDefinition } from './job-definitions.js';
import { JobEventListeners } from './job-event-listeners.js';
import type {
  EnqueueOptions,
  JobDefinitionOptions,
  JobEventListener,
  JobHandler,
  JobQueue,
  JobRecord,
} from './job-queue.js';
import { runJobAttempt, type AttemptOutcome } from './run-job-attempt.js';
import { SqliteJobStore, type ClaimedJob } from './sqlite-job-store.js';

export interface InProcessJobQueueOptions {
  /** The SQLite file that holds the jobs, e.g. `DATA_DIR/jobs.sqlite`; one process per file. */
  path: string;
  /** Where errors go that belong to no caller: a failing store write, a throwing listener. */
  onError: (error: unknown) => void;
  /** How long `close()` lets running jobs finish before aborting them. Default 10 seconds. */
  shutdownTimeoutMs?: number;
  /** Restarts a job may be cut short by before it fails. Default 2. */
  maxInterruptions?: number;
}

/**
 * The embedded default: jobs run in this process, their state kept in a SQLite file so that a
 * restart resumes whatever a killed process left unfinished.
 *
 * Scheduling is a few lines over the store rather than a library such as p-limit: the store
 * already decides which job is next (atomically, by due time), so all that is left is a count of
 * running jobs per name and one timer for the earliest retry.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly definitions = new JobDefinitions();
  private readonly listeners: JobEventListeners;
  private readonly store: SqliteJobStore;
  private readonly runningCounts = new Map<string, number>();
  private readonly runningAttempts = new Set<Promise<void>>();
  private readonly shutdown = new AbortController();
  private readonly shutdownTimeoutMs: number;
  private readonly maxInterruptions: number;
  private state: 'created' | 'started' | 'closed' = 'created';
  private wakeTimer: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;

  constructor(private readonly options: InProcessJobQueueOptions) {
    this.store = new SqliteJobStore(options.path);
    this.listeners = new JobEventListeners(options.onError);
    this.shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
    this.maxInterruptions = options.maxInterruptions ?? 2;
  }

  register<Payload>(name: string, handler: JobHandler<Payload>, options?: JobDefinitionOptions): void {
    if (this.state !== 'created') throw new Error('Register jobs before starting the queue');
    this.definitions.add(name, handler, options);
  }

  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<JobRecord> {
    if (this.state === 'closed') throw new Error('The job queue is closed');
    this.definitions.get(name);
    if (options.jobId !== undefined) assertValidJobId(options.jobId);
    const { record, created } = this.store.insert({ id: options.jobId ?? randomUUID(), name, payload: payload ?? null });
    if (created) this.pump();
    return record;
  }

  async get(id: string): Promise<JobRecord | undefined> {
    return this.store.get(id);
  }

  async start(): Promise<void> {
    if (this.state !== 'created') throw new Error('The job queue was already started');
    this.state = 'started';
    for (const job of this.store.recoverInterrupted(this.maxInterruptions)) {
      this.listeners.emit({ type: 'job-failed', job });
    }
    this.pump();
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  onEvent(listener: JobEventListener): () => void {
    return this.listeners.add(listener);
  }

  private async shutDown(): Promise<void> {
    this.state = 'closed';
    clearTimeout(this.wakeTimer);
    const deadline = setTimeout(
      () => this.shutdown.abort(new Error('The job queue is shutting down')),
      this.shutdownTimeoutMs,
    );
    await Promise.all(this.runningAttempts);
    clearTimeout(deadline);
    this.store.close();
  }

  /** Starts every due job there is room for, then sleeps until the next retry falls due. */
  private pump(): void {
    if (this.state !== 'started') return;
    const now = Date.now();
    const idleNames: string[] = [];
    for (const definition of this.definitions.all()) {
      while (this.running(definition.name) < definition.concurrency) {
        const claimed = this.store.claimNext(definition.name, now);
        if (!claimed) {
          idleNames.push(definition.name);
          break;
        }
        this.launch(definition, claimed);
      }
    }
    clearTimeout(this.wakeTimer);
    // Names at their limit are left out: their next job starts when a running one ends.
    const nextRunAfter = this.store.nextRunAfter(idleNames);
    if (nextRunAfter !== undefined) {
      this.wakeTimer = setTimeout(() => this.pump(), Math.max(0, nextRunAfter - Date.now()));
    }
  }

  private launch(definition: JobDefinition, claimed: ClaimedJob): void {
    this.runningCounts.set(definition.name, this.running(definition.name) + 1);
    this.listeners.emit({ type: 'job-started', job: claimed.record });
    const attempt = this.runAttempt(definition, claimed)
      .catch(this.options.onError)
      .finally(() => {
        this.runningCounts.set(definition.name, this.running(definition.name) - 1);
        this.runningAttempts.delete(attempt);
        this.pump();
      });
    this.runningAttempts.add(attempt);
  }

  private async runAttempt(definition: JobDefinition, { record, failedAttempts }: ClaimedJob): Promise<void> {
    const outcome = await runJobAttempt({
      definition,
      id: record.id,
      attempt: record.attempts,
      payload: record.payload,
      shutdownSignal: this.shutdown.signal,
      saveProgress: async (progress) => {
        const job = this.store.saveProgress(record.id, record.attempts, progress);
        if (job) this.listeners.emit({ type: 'job-progress', job });
      },
    });
    this.record(definition, record.id, failedAttempts, outcome);
  }

  private record(definition: JobDefinition, id: string, failedAttempts: number, outcome: AttemptOutcome): void {
    if (outcome.kind === 'interrupted') {
      this.store.release(id);
      return;
    }
    if (outcome.kind === 'completed') {
      const job = this.store.complete(id, outcome.result);
      if (job) this.listeners.emit({ type: 'job-completed', job });
      return;
    }
    const failures = failedAttempts + 1;
    if (outcome.permanent || failures >= definition.attempts) {
      const job = this.store.fail(id, outcome.reason);
      if (job) this.listeners.emit({ type: 'job-failed', job });
      return;
    }
    this.store.scheduleRetry(id, outcome.reason, Date.now() + retryDelayMs(definition, failures));
  }

  private running(name: string): number {
    return this.runningCounts.get(name) ?? 0;
  }
}
