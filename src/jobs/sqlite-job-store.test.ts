import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteJobStore } from './sqlite-job-store.js';

describe('SqliteJobStore', () => {
  let directory: string;
  let path: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'docent-job-store-'));
    path = join(directory, 'jobs.sqlite');
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  /** Starts the job and "kills the process": the store is closed with the job left STARTED. */
  function crashWhileRunning(store: SqliteJobStore): void {
    expect(store.claimNext('ingest-source', Date.now())?.record.status).toBe('STARTED');
    store.close();
  }

  it('puts jobs left STARTED back to PENDING, until they have been interrupted too often', () => {
    let store = new SqliteJobStore(path);
    store.insert({ id: 'source-1', name: 'ingest-source', payload: { sourceId: 1 } });
    for (let restart = 1; restart <= 2; restart++) {
      crashWhileRunning(store);
      store = new SqliteJobStore(path);
      expect(store.recoverInterrupted(2)).toEqual([]);
      expect(store.get('source-1')).toMatchObject({ status: 'PENDING', attempts: restart });
    }
    crashWhileRunning(store);
    store = new SqliteJobStore(path);
    const [failed] = store.recoverInterrupted(2);
    expect(failed).toMatchObject({
      id: 'source-1',
      status: 'FAILURE',
      attempts: 3,
      failureReason: 'Interrupted by a process exit more than 2 times',
    });
    expect(store.claimNext('ingest-source', Date.now())).toBeUndefined();
    store.close();
  });

  it('ignores progress and outcomes for an attempt that is no longer running', () => {
    const store = new SqliteJobStore(path);
    store.insert({ id: 'source-1', name: 'ingest-source', payload: {} });
    const claimed = store.claimNext('ingest-source', Date.now())!;
    store.scheduleRetry('source-1', 'upstream answered 503', Date.now() + 60_000);

    expect(store.saveProgress('source-1', claimed.record.attempts, 0.5)).toBeUndefined();
    expect(store.complete('source-1', 'late')).toBeUndefined();
    expect(store.claimNext('ingest-source', Date.now())).toBeUndefined();
    expect(store.get('source-1')).toMatchObject({ status: 'PENDING', progress: 0, failureReason: 'upstream answered 503' });
    expect(store.nextRunAfter(['ingest-source'])).toBeGreaterThan(Date.now());
    store.close();
  });
});
