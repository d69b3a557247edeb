import { Job, Queue, QueueEvents, UnrecoverableError, WaitingError, Worker, type Processor } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { JobDefinitions, assertValidJobId, type JobDefinition } from './job-definitions.js';
import { JobEventListeners } from './job-event-listeners.js';
import type {
  EnqueueOptions,
  JobDefinitionOptions,
  JobEvent,
  JobEventListener,
  JobHandler,
  JobQueue,
  JobRecord,
} from './job-queue.js';
import { toJobRecord } from './redis-job-record.js';
import { runJobAttempt } from './run-job-attempt.js';

export interface RedisJobQueueOptions {
  /** REDIS_URL. */
  url: string;
  /** Namespace of every key this queue writes, e.g. `${redisKeyPrefix}:jobs`. */
  keyPrefix: string;
  /** Where errors go that belong to no caller: lost connections, a throwing listener. */
  onError: (error: unknown) => void;
  /** How long `close()` lets running jobs finish before aborting them. Default 10 seconds. */
  shutdownTimeoutMs?: number;
  /** Crashes (or stalls) a job may be cut short by before it fails. Default 2. */
  maxInterruptions?: number;
  /**
   * How long a worker's claim on a running job lasts; it renews it while alive, so a dead
   * worker's jobs are resumed about this long after it died. Default 30 seconds.
   */
  lockDurationMs?: number;
  /** How often workers look for jobs whose worker died. Default 30 seconds. */
  stalledIntervalMs?: number;
}

type EventType = JobEvent['type'];

/**
 * Jobs in Redis through BullMQ, for several API and worker processes sharing one queue. Each job
 * name gets its own BullMQ queue (BullMQ's concurrency is per queue and worker); attempts and
 * exponential backoff are BullMQ's, and so is crash recovery: a dead worker stops renewing its
 * lock and any other worker's stalled check puts the job back to waiting.
 */
export class RedisJobQueue implements JobQueue {
  private readonly definitions = new JobDefinitions();
  private readonly listeners: JobEventListeners;
  private readonly queues = new Map<string, Queue>();
  private readonly workers: Worker[] = [];
  private readonly queueEvents: QueueEvents[] = [];
  private readonly shutdown = new AbortController();
  private eventDelivery: Promise<void> = Promise.resolve();
  private state: 'created' | 'started' | 'closed' = 'created';
  private closing: Promise<void> | undefined;

  constructor(private readonly options: RedisJobQueueOptions) {
    this.listeners = new JobEventListeners(options.onError);
  }

  register<Payload>(name: string, handler: JobHandler<Payload>, options?: JobDefinitionOptions): void {
    if (this.state !== 'created') throw new Error('Register jobs before starting the queue');
    this.definitions.add(name, handler, options);
    // Unlike the workers' blocking connections, enqueueing gives up after a few reconnection
    // attempts, so that a request fails with an error instead of hanging through a Redis outage.
    const queue = new Queue(name, {
      connection: { url: this.options.url, maxRetriesPerRequest: 2 },
      prefix: this.options.keyPrefix,
    });
    queue.on('error', this.options.onError);
    this.queues.set(name, queue);
  }

  async enqueue(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<JobRecord> {
    if (this.state === 'closed') throw new Error('The job queue is closed');
    const definition = this.definitions.get(name);
    if (options.jobId !== undefined) {
      assertValidJobId(options.jobId);
      // Ids are unique across names, as in the in-process queue, though each name has its own queue.
      const existing = await this.get(options.jobId);
      if (existing) return existing;
    }
    const queue = this.queues.get(name)!;
    const job = await queue.add(name, payload ?? null, {
      jobId: options.jobId ?? randomUUID(),
      attempts: definition.attempts,
      backoff: { type: 'exponential', delay: definition.backoffMs },
    });
    const record = await this.find(queue, job.id!);
    if (!record) throw new Error(`Job ${job.id} vanished right after it was added`);
    return record;
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const found = await Promise.all([...this.queues.values()].map((queue) => this.find(queue, id)));
    return found.find((record) => record !== undefined);
  }

  async start(): Promise<void> {
    if (this.state !== 'created') throw new Error('The job queue was already started');
    this.state = 'started';
    const since = await this.redisTime();
    for (const definition of this.definitions.all()) {
      const queue = this.queues.get(definition.name)!;
      this.queueEvents.push(this.followEvents(queue, since));
      this.workers.push(this.createWorker(definition));
    }
    await Promise.all([...this.queueEvents, ...this.workers].map((client) => client.waitUntilReady()));
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
    const deadline = setTimeout(
      () => this.shutdown.abort(new Error('The job queue is shutting down')),
      this.options.shutdownTimeoutMs ?? 10_000,
    );
    await Promise.all(this.workers.map((worker) => worker.close()));
    clearTimeout(deadline);
    await Promise.all(this.queueEvents.map((events) => events.close()));
    await this.eventDelivery;
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  private createWorker(definition: JobDefinition): Worker {
    const worker = new Worker(definition.name, this.processor(definition), {
      connection: { url: this.options.url, maxRetriesPerRequest: null },
      prefix: this.options.keyPrefix,
      concurrency: definition.concurrency,
      maxStalledCount: this.options.maxInterruptions ?? 2,
      lockDuration: this.options.lockDurationMs ?? 30_000,
      stalledInterval: this.options.stalledIntervalMs ?? 30_000,
    });
    worker.on('error', this.options.onError);
    return worker;
  }

  private processor(definition: JobDefinition): Processor {
    return async (job: Job, token?: string) => {
      const outcome = await runJobAttempt({
        definition,
        id: job.id!,
        attempt: job.attemptsStarted,
        payload: job.data,
        shutdownSignal: this.shutdown.signal,
        saveProgress: (progress) => job.updateProgress(progress),
      });
      switch (outcome.kind) {
        case 'completed':
          return outcome.result;
        case 'failed':
          throw outcome.permanent ? new UnrecoverableError(outcome.reason) : new Error(outcome.reason);
        case 'interrupted':
          // Back to waiting without spending an attempt; WaitingError tells the worker it was moved.
          await job.moveToWait(token);
          throw new WaitingError();
      }
    };
  }

  /**
   * BullMQ's events come from a Redis stream, so listeners here hear about jobs that any process
   * runs. Reading starts at `since`, the Redis time when `start()` began, so that no event
   * between `start()` and the first blocking read is missed.
   */
  private followEvents(queue: Queue, since: string): QueueEvents {
    const events = new QueueEvents(queue.name, {
      connection: { url: this.options.url, maxRetriesPerRequest: null },
      prefix: this.options.keyPrefix,
      lastEventId: since,
    });
    events.on('error', this.options.onError);
    events.on('active', ({ jobId }) => this.deliver('job-started', queue, jobId));
    events.on('progress', ({ jobId }) => this.deliver('job-progress', queue, jobId));
    events.on('completed', ({ jobId }) => this.deliver('job-completed', queue, jobId));
    events.on('failed', ({ jobId }) => this.deliver('job-failed', queue, jobId));
    return events;
  }

  /** Reads the job as it is now, in event order, and hands it to the listeners. */
  private deliver(type: EventType, queue: Queue, jobId: string): void {
    if (this.listeners.size === 0) return;
    this.eventDelivery = this.eventDelivery
      .then(async () => {
        const job = await this.find(queue, jobId);
        if (job) this.listeners.emit({ type, job });
      })
      .catch(this.options.onError);
  }

  /** The state is read first: a job found completed then has its result when the hash is read. */
  private async find(queue: Queue, id: string): Promise<JobRecord | undefined> {
    const state = await queue.getJobState(id);
    if (state === 'unknown') return undefined;
    const job = await Job.fromId(queue, id);
    return job && toJobRecord(job, state);
  }

  private async redisTime(): Promise<string> {
    const client = new Redis(this.options.url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    try {
      await client.connect();
      const [seconds, microseconds] = await client.time();
      return `${Number(seconds) * 1000 + Math.floor(Number(microseconds) / 1000) - 1}-0`;
    } finally {
      client.disconnect();
    }
  }
}
