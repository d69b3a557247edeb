import Database from 'better-sqlite3';
import type { JobRecord, JobStatus } from './job-queue.js';

/** A job just moved to STARTED, with what the queue needs to decide on a retry. */
export interface ClaimedJob {
  record: JobRecord;
  failedAttempts: number;
}

interface JobRow {
  id: string;
  name: string;
  payload: string;
  status: JobStatus;
  progress: number;
  result: string | null;
  failure_reason: string | null;
  attempts: number;
  failed_attempts: number;
  interruptions: number;
  run_after: number;
  created_at: string;
  updated_at: string;
}

const schema = `
  create table if not exists jobs (
    id text primary key,
    name text not null,
    payload text not null,
    status text not null check (status in ('PENDING', 'STARTED', 'SUCCESS', 'FAILURE')),
    progress real not null default 0,
    result text,
    failure_reason text,
    attempts integer not null default 0,
    failed_attempts integer not null default 0,
    interruptions integer not null default 0,
    run_after integer not null,
    created_at text not null,
    updated_at text not null
  );
  create index if not exists jobs_runnable on jobs (name, status, run_after);
`;

/**
 * The in-process queue's durable state: one SQLite file of its own, separate from the
 * application database so that it works the same whichever database the platform uses. Every
 * state change is a single statement, committed before the queue acts on it, so a process
 * killed at any point leaves each job in a state the next start can resume from. One process
 * owns a file at a time.
 */
export class SqliteJobStore {
  private readonly database: Database.Database;

  constructor(path: string) {
    this.database = new Database(path);
    this.database.pragma('journal_mode = WAL');
    // WAL with NORMAL survives a killed process; only a power cut can lose the last commits.
    this.database.pragma('synchronous = NORMAL');
    this.database.pragma('busy_timeout = 5000');
    this.database.exec(schema);
  }

  /** Adds a PENDING job unless its id exists; returns the job stored under that id either way. */
  insert(job: { id: string; name: string; payload: unknown }): { record: JobRecord; created: boolean } {
    const now = new Date();
    const { changes } = this.database
      .prepare(
        `insert into jobs (id, name, payload, status, run_after, created_at, updated_at)
         values (?, ?, ?, 'PENDING', ?, ?, ?) on conflict (id) do nothing`,
      )
      .run(job.id, job.name, JSON.stringify(job.payload), now.getTime(), now.toISOString(), now.toISOString());
    return { record: this.get(job.id)!, created: changes === 1 };
  }

  get(id: string): JobRecord | undefined {
    const row = this.database.prepare('select * from jobs where id = ?').get(id) as JobRow | undefined;
    return row && toRecord(row);
  }

  /** Atomically starts the oldest due PENDING job of this name, counting the attempt. */
  claimNext(name: string, now: number): ClaimedJob | undefined {
    const row = this.database
      .prepare(
        `update jobs set status = 'STARTED', attempts = attempts + 1, updated_at = ?
         where id = (select id from jobs where name = ? and status = 'PENDING' and run_after <= ?
                     order by run_after, created_at, rowid limit 1)
         returning *`,
      )
      .get(new Date(now).toISOString(), name, now) as JobRow | undefined;
    return row && { record: toRecord(row), failedAttempts: row.failed_attempts };
  }

  /** Only the attempt that is running may move the bar; a stale one changes nothing. */
  saveProgress(id: string, attempt: number, progress: number): JobRecord | undefined {
    return this.change(
      `update jobs set progress = ? where id = ? and status = 'STARTED' and attempts = ? returning *`,
      progress,
      id,
      attempt,
    );
  }

  complete(id: string, result: unknown): JobRecord | undefined {
    return this.change(
      `update jobs set status = 'SUCCESS', progress = 1, result = ?, failure_reason = null, updated_at = ?
       where id = ? and status = 'STARTED' returning *`,
      result === undefined ? null : JSON.stringify(result),
      new Date().toISOString(),
      id,
    );
  }

  scheduleRetry(id: string, reason: string, runAfter: number): JobRecord | undefined {
    return this.change(
      `update jobs set status = 'PENDING', failure_reason = ?, failed_attempts = failed_attempts + 1,
         run_after = ?, updated_at = ?
       where id = ? and status = 'STARTED' returning *`,
      reason,
      runAfter,
      new Date().toISOString(),
      id,
    );
  }

  fail(id: string, reason: string): JobRecord | undefined {
    return this.change(
      `update jobs set status = 'FAILURE', failure_reason = ?, failed_attempts = failed_attempts + 1, updated_at = ?
       where id = ? and status = 'STARTED' returning *`,
      reason,
      new Date().toISOString(),
      id,
    );
  }

  /** Puts a job cut short by shutdown back to PENDING, without counting it as a failure. */
  release(id: string): JobRecord | undefined {
    return this.change(
      `update jobs set status = 'PENDING', run_after = ?, updated_at = ? where id = ? and status = 'STARTED' returning *`,
      Date.now(),
      new Date().toISOString(),
      id,
    );
  }

  /**
   * Jobs left STARTED belonged to a process that died: each goes back to PENDING, or to FAILURE
   * once it has been interrupted more than `maxInterruptions` times (a job that keeps killing its
   * process must not crash-loop it). Returns the jobs that failed.
   */
  recoverInterrupted(maxInterruptions: number): JobRecord[] {
    const failed = `interruptions + 1 > @maxInterruptions`;
    const rows = this.database
      .prepare(
        `update jobs set
           interruptions = interruptions + 1,
           status = case when ${failed} then 'FAILURE' else 'PENDING' end,
           failure_reason = case when ${failed} then @reason else failure_reason end,
           run_after = @now, updated_at = @timestamp
         where status = 'STARTED' returning *`,
      )
      .all({
        maxInterruptions,
        reason: `Interrupted by a process exit more than ${maxInterruptions} times`,
        now: Date.now(),
        timestamp: new Date().toISOString(),
      }) as JobRow[];
    return rows.filter((row) => row.status === 'FAILURE').map(toRecord);
  }

  /** When the earliest PENDING job of these names becomes due, if any is waiting. */
  nextRunAfter(names: string[]): number | undefined {
    if (names.length === 0) return undefined;
    const row = this.database
      .prepare(
        `select min(run_after) as runAfter from jobs
         where status = 'PENDING' and name in (${names.map(() => '?').join(', ')})`,
      )
      .get(...names) as { runAfter: number | null };
    return row.runAfter ?? undefined;
  }

  close(): void {
    this.database.close();
  }

  private change(statement: string, ...parameters: unknown[]): JobRecord | undefined {
    const row = this.database.prepare(statement).get(...parameters) as JobRow | undefined;
    return row && toRecord(row);
  }
}

function toRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    name: row.name,
    payload: JSON.parse(row.payload) as unknown,
    status: row.status,
    progress: row.progress,
    ...(row.result !== null && { result: JSON.parse(row.result) as unknown }),
    ...(row.failure_reason !== null && { failureReason: row.failure_reason }),
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
