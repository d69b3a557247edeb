import type { Job, JobState } from 'bullmq';
import { clampProgress } from './job-definitions.js';
import type { JobRecord, JobStatus } from './job-queue.js';

/** BullMQ's states folded into the four the product shows. */
export function statusOf(state: JobState): JobStatus {
  switch (state) {
    case 'active':
      return 'STARTED';
    case 'completed':
      return 'SUCCESS';
    case 'failed':
      return 'FAILURE';
    case 'waiting':
    case 'delayed':
    case 'prioritized':
    case 'waiting-children':
      return 'PENDING';
  }
}

/** A BullMQ job as a {@link JobRecord}; `state` must be read before `job` so they agree. */
export function toJobRecord(job: Job, state: JobState): JobRecord {
  const status = statusOf(state);
  const result: unknown = job.returnvalue;
  return {
    id: job.id!,
    name: job.name,
    payload: job.data,
    status,
    progress: status === 'SUCCESS' ? 1 : clampProgress(job.progress),
    ...(status === 'SUCCESS' && result !== null && result !== undefined && { result }),
    ...(status !== 'SUCCESS' && job.failedReason && { failureReason: job.failedReason }),
    attempts: job.attemptsStarted,
    createdAt: new Date(job.timestamp).toISOString(),
    updatedAt: new Date(Math.max(job.timestamp, job.processedOn ?? 0, job.finishedOn ?? 0)).toISOString(),
  };
}
