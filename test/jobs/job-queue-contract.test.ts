import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PermanentJobError } from '../../src/jobs/job-errors.js';
import type { JobContext, JobEvent, JobQueue, JobRecord, JobStatus } from '../../src/jobs/job-queue.js';
import { backendNames, createLocation, openJobQueue, removeLocation } from './fixtures/job-queue-backends.js';

/** A promise with its resolver outside, to hold a handler at a point the test chooses. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe.each(backendNames)('job queue contract: %s', (backend) => {
  let location: string;
  let queues: JobQueue[];
  let errors: unknown[];

  /** A queue on this test's store; a second call is another process on the same store. */
  function open(): JobQueue {
    const queue = openJobQueue(backend, location, (error) => errors.push(error));
    queues.push(queue);
    return queue;
  }

  async function waitForStatus(queue: JobQueue, id: string, status: JobStatus): Promise<JobRecord> {
    return vi.waitFor(
      async () => {
        const job = await queue.get(id);
        expect(job?.status).toBe(status);
        return job!;
      },
      { timeout: 5000, interval: 20 },
    );
  }

  beforeEach(() => {
    location = createLocation(backend);
    queues = [];
    errors = [];
  });

  afterEach(async () => {
    await Promise.all(queues.map((queue) => queue.close()));
    await removeLocation(backend, location);
    expect(errors).toEqual([]);
  });

  it('stores a job as PENDING and runs it to SUCCESS with its result', async () => {
    const queue = open();
    queue.register<{ value: number }>('double', async ({ value }) => ({ doubled: value * 2 }));

    const enqueued = await queue.enqueue('double', { value: 21 });
    expect(enqueued).toMatchObject({ name: 'double', payload: { value: 21 }, status: 'PENDING', progress: 0, attempts: 0 });
    expect(enqueued.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(enqueued.createdAt)).not.toBeNaN();

    await queue.start();
    const done = await waitForStatus(queue, enqueued.id, 'SUCCESS');
    expect(done).toMatchObject({ result: { doubled: 42 }, progress: 1, attempts: 1 });
    expect(done.failureReason).toBeUndefined();
    expect(Date.parse(done.updatedAt)).toBeGreaterThanOrEqual(Date.parse(done.createdAt));
  });

  it('shows reported progress through get and events', async () => {
    const queue = open();
    const halfway = gate();
    queue.register('index', async (_payload, context: JobContext) => {
      await context.reportProgress(0.5);
      await halfway.opened;
      await context.reportProgress(7);
      return 'indexed';
    });
    const events: JobEvent[] = [];
    queue.onEvent((event) => events.push(event));
    await queue.start();

    const { id } = await queue.enqueue('index', {});
    const progressOf = (type: JobEvent['type']) =>
      events.filter((event) => event.type === type).map((event) => event.job.progress);
    await vi.waitFor(
      async () => {
        expect(await queue.get(id)).toMatchObject({ status: 'STARTED', progress: 0.5, attempts: 1 });
        expect(progressOf('job-progress')).toEqual([0.5]);
      },
      { timeout: 5000, interval: 20 },
    );
    halfway.open();
    await waitForStatus(queue, id, 'SUCCESS');

    await vi.waitFor(() => expect(events.map((event) => event.type)).toContain('job-completed'), { timeout: 5000 });
    expect(progressOf('job-progress')).toEqual([0.5, 1]);
    expect(events[0]).toMatchObject({ type: 'job-started', job: { id } });
    expect(events.at(-1)).toMatchObject({ type: 'job-completed', job: { id, status: 'SUCCESS', result: 'indexed' } });
  });

  it('retries a failing handler with backoff and counts the attempts', async () => {
    const queue = open();
    const attempts: number[] = [];
    queue.register(
      'flaky',
      async (_payload, context) => {
        attempts.push(context.attempt);
        if (attempts.length < 3) throw new Error(`upstream answered 503 (${attempts.length})`);
        return 'finally';
      },
      { attempts: 3, backoffMs: 10 },
    );
    await queue.start();

    const { id } = await queue.enqueue('flaky', {});
    const done = await waitForStatus(queue, id, 'SUCCESS');
    expect(done).toMatchObject({ attempts: 3, result: 'finally' });
    expect(done.failureReason).toBeUndefined();
    expect(attempts).toEqual([1, 2, 3]);
  });

  it('fails with the last reason once the attempts are spent', async () => {
    const queue = open();
    let runs = 0;
    queue.register(
      'broken',
      async () => {
        runs++;
        throw new Error(`still broken (${runs})`);
      },
      { attempts: 2, backoffMs: 10 },
    );
    const failures: JobEvent[] = [];
    queue.onEvent((event) => event.type === 'job-failed' && failures.push(event));
    await queue.start();

    const { id } = await queue.enqueue('broken', {});
    expect(await waitForStatus(queue, id, 'FAILURE')).toMatchObject({ attempts: 2, failureReason: 'still broken (2)' });
    await vi.waitFor(() => expect(failures).toHaveLength(1), { timeout: 5000 });
    expect(failures[0]!.job).toMatchObject({ id, status: 'FAILURE', failureReason: 'still broken (2)' });
    expect(runs).toBe(2);
  });

  it('fails at once on a PermanentJobError', async () => {
    const queue = open();
    let runs = 0;
    queue.register(
      'parse',
      async () => {
        runs++;
        throw new PermanentJobError('The file is not a PDF');
      },
      { attempts: 3, backoffMs: 10 },
    );
    await queue.start();

    const { id } = await queue.enqueue('parse', {});
    expect(await waitForStatus(queue, id, 'FAILURE')).toMatchObject({ attempts: 1, failureReason: 'The file is not a PDF' });
    await sleep(100);
    expect(runs).toBe(1);
  });

  it('times out a slow attempt and aborts its signal', async () => {
    const queue = open();
    let abortReason: unknown;
    queue.register(
      'slow',
      (_payload, context) =>
        new Promise((_resolve, reject) => {
          context.signal.addEventListener('abort', () => {
            abortReason = context.signal.reason;
            reject(context.signal.reason as Error);
          });
        }),
      { attempts: 1, timeoutMs: 100 },
    );
    await queue.start();

    const { id } = await queue.enqueue('slow', {});
    const failed = await waitForStatus(queue, id, 'FAILURE');
    expect(failed.failureReason).toBe('Job timed out after 100 ms');
    expect(failed.attempts).toBe(1);
    expect(abortReason).toMatchObject({ name: 'JobTimeoutError' });
  });

  it('treats the same jobId as the same job, run once', async () => {
    const queue = open();
    let runs = 0;
    const handler = async () => {
      runs++;
      return runs;
    };
    queue.register('ingest-source', handler);
    queue.register('reindex', handler);

    const [first, second] = await Promise.all([
      queue.enqueue('ingest-source', { sourceId: 1 }, { jobId: 'source-1' }),
      queue.enqueue('ingest-source', { sourceId: 1 }, { jobId: 'source-1' }),
    ]);
    expect(first.id).toBe('source-1');
    expect(second.id).toBe('source-1');
    await queue.start();
    await waitForStatus(queue, 'source-1', 'SUCCESS');

    const again = await queue.enqueue('ingest-source', { sourceId: 2 }, { jobId: 'source-1' });
    expect(again).toMatchObject({ id: 'source-1', status: 'SUCCESS', payload: { sourceId: 1 }, result: 1 });
    const otherName = await queue.enqueue('reindex', {}, { jobId: 'source-1' });
    expect(otherName).toMatchObject({ id: 'source-1', name: 'ingest-source' });
    await sleep(100);
    expect(runs).toBe(1);
  });

  it('never runs more jobs of a name at once than its concurrency', async () => {
    const queue = open();
    let running = 0;
    let mostAtOnce = 0;
    queue.register(
      'embed',
      async () => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(60);
        running--;
      },
      { concurrency: 2 },
    );
    await queue.start();

    const jobs = await Promise.all(Array.from({ length: 6 }, () => queue.enqueue('embed', {})));
    for (const job of jobs) await waitForStatus(queue, job.id, 'SUCCESS');
    expect(mostAtOnce).toBe(2);
  });

  it('returns undefined for an unknown id', async () => {
    const queue = open();
    queue.register('anything', async () => undefined);
    await queue.start();
    expect(await queue.get('no-such-job')).toBeUndefined();
  });

  it('rejects unknown names, bad ids and registrations after start', async () => {
    const queue = open();
    expect(() => queue.register('Not Kebab', async () => undefined)).toThrow(/kebab-case/);
    queue.register('known', async () => undefined);
    expect(() => queue.register('known', async () => undefined)).toThrow(/already registered/);
    await expect(queue.enqueue('unknown', {})).rejects.toThrow(/No job registered/);
    await expect(queue.enqueue('known', {}, { jobId: 'source:1' })).rejects.toThrow(/Job id/);
    await expect(queue.enqueue('known', {}, { jobId: '42' })).rejects.toThrow(/Job id/);
    await queue.start();
    expect(() => queue.register('late', async () => undefined)).toThrow(/before starting/);
  });

  it('closes cleanly while idle, and refuses work afterwards', async () => {
    const queue = open();
    queue.register('anything', async () => undefined);
    await queue.start();
    await queue.close();
    await queue.close();
    await expect(queue.enqueue('anything', {})).rejects.toThrow(/closed/);
  });

  it('on close, aborts a job that outlives the shutdown timeout and resumes it on the next start', async () => {
    const first = open();
    first.register('long', (_payload, context) => new Promise((_resolve, reject) => {
      context.signal.addEventListener('abort', () => reject(new Error('aborted')));
    }));
    await first.start();
    const { id } = await first.enqueue('long', {});
    await waitForStatus(first, id, 'STARTED');
    await first.close();

    const second = open();
    second.register('long', async (_payload, context) => `resumed on attempt ${context.attempt}`);
    expect((await second.get(id))?.status).toBe('PENDING');
    await second.start();
    expect(await waitForStatus(second, id, 'SUCCESS')).toMatchObject({ result: 'resumed on attempt 2', attempts: 2 });
  });
});
