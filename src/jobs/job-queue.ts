/**
 * Background jobs: ingesting a source, re-indexing a knowledge base, anything too slow for a
 * request. One port with two adapters — `InProcessJobQueue` (SQLite file, the embedded
 * default) and `RedisJobQueue` (BullMQ, when REDIS_URL is set) — both held to the contract
 * suite in test/jobs/job-queue-contract.test.ts.
 *
 * Delivery is at least once: a process killed mid-job runs that job again after a restart, so
 * handlers must be idempotent (writing the same rows again must give the same result).
 *
 * @module
 */

/** PENDING waits (first run or retry), STARTED runs, SUCCESS and FAILURE are final. */
export type JobStatus = 'PENDING' | 'STARTED' | 'SUCCESS' | 'FAILURE';

/** A job as callers and the UI see it, the same whichever adapter holds it. */
export interface JobRecord {
  id: string;
  /** The registered job name, e.g. `ingest-source`. */
  name: string;
  /** What was enqueued, after a JSON round trip. */
  payload: unknown;
  status: JobStatus;
  /** From 0 to 1, as last reported by the handler; 1 once the job succeeded. */
  progress: number;
  /** The handler's return value after a JSON round trip; absent unless SUCCESS, or when it returned nothing. */
  result?: unknown;
  /** Why the last attempt failed: the final reason on FAILURE, the reason for the retry while PENDING. */
  failureReason?: string;
  /** How many times the handler has been started, counting runs cut short by a crash. */
  attempts: number;
  createdAt: string;
  /** When the job last started, finished or was rescheduled (ISO 8601). */
  updatedAt: string;
}

/** What a running handler gets besides its payload. */
export interface JobContext {
  id: string;
  /** 1 on the first run; higher on retries and after a crash. */
  attempt: number;
  /**
   * Aborted when the attempt times out or the queue shuts down. Handlers pass it to fetch and
   * check it between steps; work done after the abort is thrown away.
   */
  signal: AbortSignal;
  /** Records progress (clamped to 0..1) for `get` and the `progress` event. */
  reportProgress(progress: number): Promise<void>;
}

/**
 * Does the work of one job. Throwing retries it with exponential backoff while attempts remain;
 * throwing a `PermanentJobError` fails it at once.
 */
export type JobHandler<Payload = unknown> = (payload: Payload, context: JobContext) => Promise<unknown>;

export interface JobDefinitionOptions {
  /** Jobs of this name one process runs at the same time. Default 1. */
  concurrency?: number;
  /** Runs before the job is FAILURE, the first included. Default 3. */
  attempts?: number;
  /** An attempt running longer than this fails with a timeout (and is retried). Default 15 minutes. */
  timeoutMs?: number;
  /** Wait before the first retry; doubled for each further one. Default 1 second. */
  backoffMs?: number;
}

export interface EnqueueOptions {
  /**
   * Idempotency key: enqueueing an id that exists returns that job, whatever its status, and
   * runs nothing new. Letters, digits, `.`, `_` and `-`, not digits only. Default: a random UUID.
   */
  jobId?: string;
}

/**
 * Noun-verb event names, as on the SSE wire. `job` is the record read after the change; with
 * Redis it is read a moment later and may already be further along.
 */
export type JobEvent =
  | { type: 'job-started'; job: JobRecord }
  | { type: 'job-progress'; job: JobRecord }
  | { type: 'job-completed'; job: JobRecord }
  | { type: 'job-failed'; job: JobRecord };

export type JobEventListener = (event: JobEvent) => void;

export interface JobQueue {
  /**
   * Declares a job name with its handler and options. Every process that enqueues or runs the
   * job registers it, before {@link JobQueue.start}.
   */
  register<Payload>(name: string, handler: JobHandler<Payload>, options?: JobDefinitionOptions): void;
  /** Stores a PENDING job (or returns the existing one with the same `jobId`). */
  enqueue(name: string, payload: unknown, options?: EnqueueOptions): Promise<JobRecord>;
  /** The job with this id, of any registered name; undefined when there is none. */
  get(id: string): Promise<JobRecord | undefined>;
  /** Begins running jobs, first resuming those a dead process left STARTED. */
  start(): Promise<void>;
  /**
   * Stops taking jobs and waits for running ones; those still running after the shutdown
   * timeout are aborted and go back to PENDING, to run again on the next start.
   */
  close(): Promise<void>;
  /** Follows status and progress changes; returns the unsubscribe function. Needs `start()`. */
  onEvent(listener: JobEventListener): () => void;
}
