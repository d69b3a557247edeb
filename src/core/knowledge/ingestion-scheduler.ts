import type { JobQueue, JobRecord } from '../../jobs/job-queue.js';
import type { KnowledgeBaseRow } from '../../storage/repositories/knowledge-bases-repository.js';
import type { Store } from '../../storage/store.js';
import {
  ingestSourceJobName,
  ingestionJobId,
  reindexJobId,
  reindexKnowledgeBaseJobName,
  type IngestSourcePayload,
  type ReindexKnowledgeBasePayload,
} from './ingestion-jobs.js';
import { loadSource, type KnowledgeSource } from './knowledge-source.js';

/**
 * Hands sources to the job queue. The invariant it keeps: a source that is PENDING or STARTED
 * has a job whose id is {@link ingestionJobId} of its current content and settings. The source
 * row is written first and the job enqueued second, so a crash in between leaves a PENDING
 * source without a job, which {@link IngestionScheduler.reconcile} repairs on the next start;
 * enqueueing is idempotent by job id, so repairing twice does no harm.
 */
export class IngestionScheduler {
  constructor(
    private readonly store: Store,
    private readonly queue: JobQueue,
  ) {}

  /** Marks the source PENDING under its current job id and enqueues that job. */
  async schedule(knowledgeBase: KnowledgeBaseRow, source: KnowledgeSource): Promise<JobRecord> {
    const jobId = ingestionJobId(source, knowledgeBase);
    await this.store.knowledgeSources.assignTask(source.kind, source.row.id, jobId, new Date().toISOString());
    return this.enqueue(knowledgeBase, source, jobId);
  }

  /** Enqueues the job that re-processes every source after a settings change. */
  async scheduleReindex(knowledgeBase: KnowledgeBaseRow): Promise<JobRecord> {
    const payload: ReindexKnowledgeBasePayload = {
      ownerId: knowledgeBase.ownerId,
      knowledgeBaseId: knowledgeBase.id,
      settingsVersion: knowledgeBase.settingsVersion,
    };
    return this.queue.enqueue(reindexKnowledgeBaseJobName, payload, {
      jobId: reindexJobId(knowledgeBase.id, knowledgeBase.settingsVersion),
    });
  }

  /**
   * Gives every unfinished source (of one knowledge base, or of all) its current job, and copies
   * the outcome of jobs that already ended onto sources that missed it (a crash between the
   * job's end and the source update). Run at start-up and by the reindex job.
   */
  async reconcile(knowledgeBaseId?: string): Promise<void> {
    const knowledgeBases = new Map<string, KnowledgeBaseRow | undefined>();
    for (const unfinished of await this.store.knowledgeSources.listUnfinished(knowledgeBaseId)) {
      if (!knowledgeBases.has(unfinished.knowledgeBaseId)) {
        knowledgeBases.set(unfinished.knowledgeBaseId, await this.store.knowledgeBases.findById(unfinished.knowledgeBaseId));
      }
      const knowledgeBase = knowledgeBases.get(unfinished.knowledgeBaseId);
      const source = await loadSource(this.store, unfinished.kind, unfinished.id);
      if (!knowledgeBase || !source) continue;
      const jobId = ingestionJobId(source, knowledgeBase);
      if (unfinished.taskId !== jobId) {
        await this.schedule(knowledgeBase, source);
        continue;
      }
      const job = await this.enqueue(knowledgeBase, source, jobId);
      if (job.status === 'FAILURE') {
        const reason = job.failureReason ?? 'Ingestion failed';
        await this.store.knowledgeSources.setStatusForTask(source.kind, source.row.id, jobId, 'FAILURE', reason, job.updatedAt);
      }
    }
  }

  private enqueue(knowledgeBase: KnowledgeBaseRow, source: KnowledgeSource, jobId: string): Promise<JobRecord> {
    const payload: IngestSourcePayload = {
      ownerId: knowledgeBase.ownerId,
      knowledgeBaseId: knowledgeBase.id,
      kind: source.kind,
      sourceId: source.row.id,
    };
    return this.queue.enqueue(ingestSourceJobName, payload, { jobId });
  }
}
