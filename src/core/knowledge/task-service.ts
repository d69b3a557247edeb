import type { JobQueue, JobRecord, JobStatus } from '../../jobs/job-queue.js';
import { NotFoundError } from '../errors.js';
import type { OwnedJobPayload } from './ingestion-jobs.js';

/** A background job as its owner sees it (seed 003's task status). */
export interface Task {
  id: string;
  name: string;
  status: JobStatus;
  /** From 0 to 1. */
  progress: number;
  result: unknown;
  failureReason: string | null;
  attempts: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Background jobs, shown only to the user they work for: every job that is meant to be visible
 * carries `ownerId` in its payload ({@link OwnedJobPayload}). Anyone else, and any job without
 * an owner, gets the same 404 as an id that never existed.
 */
export class TaskService {
  constructor(private readonly queue: JobQueue) {}

  async get(ownerId: string, id: string): Promise<Task> {
    const job = await this.queue.get(id);
    if (!job || ownerOf(job) !== ownerId) throw new NotFoundError('Task');
    return {
      id: job.id,
      name: job.name,
      status: job.status,
      progress: job.progress,
      result: job.result ?? null,
      failureReason: job.failureReason ?? null,
      attempts: job.attempts,
      createdAt: job.createdAt,
      updatedAt: job.updatedAt,
    };
  }
}

function ownerOf(job: JobRecord): string | undefined {
  const payload = job.payload as Partial<OwnedJobPayload> | null;
  return typeof payload?.ownerId === 'string' ? payload.ownerId : undefined;
}
