import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobQueue, JobRecord } from '../../src/jobs/job-queue.js';
import { chunkingHandler, type ChunkingPayload } from './fixtures/chunking-handler.js';
import { backendNames, createLocation, openJobQueue, removeLocation } from './fixtures/job-queue-backends.js';

const workerPath = join(import.meta.dirname, 'fixtures', 'crashing-worker.ts');
const text =
  'Docent answers from the documents it was given. Each source is split into chunks, embedded and ' +
  'indexed, and a crash half way through must end with exactly the chunks of a run without one.';
const jobId = 'ingest-source-1';

function marks(outputDirectory: string): string[] {
  const path = join(outputDirectory, 'marks.log');
  return existsSync(path) ? readFileSync(path, 'utf8').trim().split('\n') : [];
}

function chunks(outputDirectory: string): Record<string, string> {
  const directory = join(outputDirectory, 'chunks');
  return Object.fromEntries(readdirSync(directory).sort().map((file) => [file, readFileSync(join(directory, file), 'utf8')]));
}

describe.each(backendNames)('crash recovery: %s', (backend) => {
  let workDirectory: string;
  let locations: string[];
  let queues: JobQueue[];
  let child: ChildProcess | undefined;
  let errors: unknown[];

  function open(location: string): JobQueue {
    const queue = openJobQueue(backend, location, (error) => errors.push(error));
    queues.push(queue);
    return queue;
  }

  function newLocation(): string {
    const location = createLocation(backend);
    locations.push(location);
    return location;
  }

  async function waitForSuccess(queue: JobQueue, id: string): Promise<JobRecord> {
    return vi.waitFor(
      async () => {
        const job = await queue.get(id);
        expect(job?.status).toBe('SUCCESS');
        return job!;
      },
      { timeout: 10_000, interval: 50 },
    );
  }

  beforeEach(() => {
    workDirectory = mkdtempSync(join(tmpdir(), 'docent-crash-'));
    locations = [];
    queues = [];
    errors = [];
  });

  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await Promise.all(queues.map((queue) => queue.close()));
    await Promise.all(locations.map((location) => removeLocation(backend, location)));
    rmSync(workDirectory, { recursive: true, force: true });
    expect(errors).toEqual([]);
  });

  it('resumes a job whose process was killed mid-run and ends with the chunks of an uninterrupted run', async () => {
    const referenceOutput = join(workDirectory, 'uninterrupted');
    const reference = open(newLocation());
    reference.register('ingest-source', chunkingHandler());
    await reference.start();
    await reference.enqueue('ingest-source', { text, outputDirectory: referenceOutput } satisfies ChunkingPayload, { jobId });
    const uninterrupted = await waitForSuccess(reference, jobId);

    const location = newLocation();
    const crashedOutput = join(workDirectory, 'crashed');
    const payload: ChunkingPayload = { text, outputDirectory: crashedOutput };
    child = spawn(process.execPath, ['--import', 'tsx', workerPath, backend, location, jobId, JSON.stringify(payload)], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    await vi.waitFor(
      () => {
        expect(child!.exitCode, 'the worker process exited early').toBeNull();
        expect(marks(crashedOutput)).toContain('hanging');
      },
      { timeout: 20_000, interval: 50 },
    );
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;

    const restarted = open(location);
    restarted.register('ingest-source', chunkingHandler());
    const interrupted = await restarted.get(jobId);
    expect(interrupted).toMatchObject({ status: 'STARTED', attempts: 1 });
    expect(interrupted!.progress).toBeGreaterThan(0);
    expect(interrupted!.progress).toBeLessThan(1);

    await restarted.start();
    const resumed = await waitForSuccess(restarted, jobId);
    expect(resumed).toMatchObject({ attempts: 2, progress: 1, result: uninterrupted.result });
    expect(chunks(crashedOutput)).toEqual(chunks(referenceOutput));

    await new Promise((resolve) => setTimeout(resolve, 300));
    const runs = marks(crashedOutput).filter((line) => line.endsWith(' started'));
    expect(runs).toEqual(['attempt 1 started', 'attempt 2 started']);
    expect(marks(crashedOutput).at(-1)).toBe('attempt 2 finished');
    expect((await restarted.get(jobId))?.status).toBe('SUCCESS');
  });
});
