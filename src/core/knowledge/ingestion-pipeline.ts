import type { DocumentSummary } from '../../ingest/document-stream.js';
import { IngestError } from '../../ingest/ingest-error.js';
import { PermanentJobError } from '../../jobs/job-errors.js';
import { GuardedFetchError } from '../../net/errors.js';
import type { JobContext } from '../../jobs/job-queue.js';
import { RetrievalProviderError } from '../../search/retrieval-provider-error.js';
import { BlobNotFoundError } from '../../storage/blobs/blob-storage.js';
import type { KnowledgeBaseRow } from '../../storage/repositories/knowledge-bases-repository.js';
import type { StagingRun } from '../../storage/repositories/knowledge-chunk-staging-repository.js';
import type { Repositories, Store } from '../../storage/store.js';
import { DomainError } from '../errors.js';
import type { ChunkEmbedding } from './chunk-embedding.js';
import type { ChunkStager, StagedChunks } from './chunk-staging.js';
import type { DenseIndex } from './dense-index.js';
import { ingestionJobId, type IngestionResult, type IngestSourcePayload } from './ingestion-jobs.js';
import { loadSource, titleOf } from './knowledge-source.js';
import type { LinkIngestion } from './link-ingestion.js';
import type { DocumentSource, SourceDocuments } from './source-documents.js';

export type { IngestionResult };

/**
 * The ingestion job: one source from content to searchable chunks.
 *
 * Read, extract and chunk with the knowledge base's settings as a stream, embedding and staging
 * the chunks a batch at a time ({@link ChunkStager}: memory stays bounded however large the
 * file), and only then, in ONE transaction, swap the source's old chunks for the staged ones and
 * mark it SUCCESS. Searches never see staged chunks, so readers see the old chunks or the new
 * ones, never a mix. A crash or an abort anywhere before the commit leaves the old chunks
 * untouched, and the job (at least once) runs again from the start, first clearing what it had
 * staged; chunking is deterministic, so the rerun writes exactly what an uninterrupted run would
 * have. A job that is no longer the source's current one (new bytes or new settings arrived, or
 * the source is gone) does nothing. Links are synced page by page ({@link LinkIngestion}) under
 * the same rules.
 */
export class IngestionPipeline {
  constructor(
    private readonly store: Store,
    private readonly documents: SourceDocuments,
    private readonly links: LinkIngestion,
    private readonly chunkEmbedding: ChunkEmbedding,
    private readonly stager: ChunkStager,
    private readonly denseIndex: DenseIndex,
  ) {}

  async run(payload: IngestSourcePayload, context: JobContext): Promise<IngestionResult> {
    const source = await loadSource(this.store, payload.kind, payload.sourceId);
    const knowledgeBase = source && (await this.store.knowledgeBases.findById(source.row.knowledgeBaseId));
    if (!source || !knowledgeBase) return { outcome: 'skipped', reason: 'The source no longer exists' };
    if (ingestionJobId(source, knowledgeBase) !== context.id) {
      return { outcome: 'skipped', reason: 'A newer version of the source or its settings replaced this job' };
    }
    await this.store.knowledgeSources.setStatusForTask(source.kind, source.row.id, context.id, 'STARTED', null, now());
    try {
      if (source.kind === 'link') return await this.links.sync(source.row, knowledgeBase, context);
      return await this.ingestDocument(source, knowledgeBase, context);
    } catch (error) {
      await this.stager.discard(stagingRun(context));
      throw asJobError(error);
    }
  }

  private async ingestDocument(source: DocumentSource, knowledgeBase: KnowledgeBaseRow, context: JobContext): Promise<IngestionResult> {
    const embedder = this.chunkEmbedding.forKnowledgeBase(knowledgeBase);
    const run = stagingRun(context);
    const origin = { knowledgeBaseId: knowledgeBase.id, sourceKind: source.kind, sourceId: source.row.id, sourceTitle: titleOf(source), sourceUrl: null };
    const progress = new ProgressReport(context, source.kind === 'file' ? source.row.sizeBytes : undefined);
    const reading = { chunkOptions: embedder.chunkOptions, embedOffline: embedder.offline, signal: context.signal };
    const { staged, document } = await this.documents.withChunks(source, reading, async (chunks) => {
      const batches = (async function* () {
        for await (const { chunks: batch, vectors } of chunks) yield { items: batch.map((chunk) => ({ origin, chunk })), vectors };
      })();
      const staged = await this.stager.stage(run, batches, embedder, context.signal, (sofar) => progress.staged(sofar));
      return { staged, document: chunks.document };
    });
    context.signal.throwIfAborted();

    const at = now();
    const change = await this.store.transaction(async (repositories) => {
      const current = await repositories.knowledgeSources.setStatusForTask(source.kind, source.row.id, context.id, 'SUCCESS', null, at);
      if (!current) return undefined;
      const removedIds = await repositories.knowledgeChunks.deleteSource(source.kind, source.row.id);
      const moved = await this.stager.commit(repositories, run, at);
      await repositories.knowledgeChunkStaging.deleteSource(source.kind, source.row.id);
      await repositories.knowledgeSources.recordChunkCount(source.kind, source.row.id, moved.length);
      await recordWhatWasLearned(repositories, source, document);
      const contentVersion = await repositories.knowledgeBases.bumpContentVersion(knowledgeBase.id);
      return { removedIds, insertedIds: moved.map((chunk) => chunk.id), vectors: staged.vectorsOf(moved), contentVersion };
    });
    if (!change) {
      await this.stager.discard(run);
      return { outcome: 'skipped', reason: 'The source changed or was deleted while it was processed' };
    }
    this.denseIndex.applyChange(knowledgeBase.id, embedder.modelKey, change);
    return { outcome: 'indexed', chunkCount: change.insertedIds.length };
  }
}

/** Who stages the chunks: this attempt of the job (see {@link StagingRun}). */
function stagingRun(context: JobContext): StagingRun {
  return { taskId: context.id, attempt: context.attempt };
}

/**
 * Reports progress as staged text over the file's size (text is about as long as the bytes
 * of most uploads), in steps of 5% so the job store is not written for every batch.
 */
class ProgressReport {
  #reported = 0;

  constructor(
    private readonly context: JobContext,
    private readonly sizeBytes: number | undefined,
  ) {}

  async staged(staged: StagedChunks): Promise<void> {
    if (!this.sizeBytes) return;
    const progress = 0.05 + 0.85 * Math.min(1, staged.characters / this.sizeBytes);
    if (progress < this.#reported + 0.05) return;
    this.#reported = progress;
    await this.context.reportProgress(progress);
  }
}

/** Keeps what extraction found out about a file: a spreadsheet's sheet summaries. */
async function recordWhatWasLearned(repositories: Repositories, source: DocumentSource, document: DocumentSummary): Promise<void> {
  if (source.kind === 'file' && document.sheets) {
    const summary = document.sheets.map((sheet) => sheet.text).join('\n\n');
    await repositories.knowledgeFiles.update(source.row.id, { summary });
  }
}

/**
 * Failures no retry can fix (the file is corrupt or of an unsupported type, the blob is gone,
 * the provider refuses the request, the link points at a refused address) fail the job at once, with a reason the owner can act on.
 */
function asJobError(error: unknown): unknown {
  if (error instanceof IngestError) return new PermanentJobError(error.message, { cause: error });
  if (error instanceof BlobNotFoundError) return new PermanentJobError('The uploaded file is missing from storage', { cause: error });
  if (error instanceof RetrievalProviderError && !error.isRetryable) return new PermanentJobError(error.message, { cause: error });
  if (error instanceof GuardedFetchError && !error.isRetryable) return new PermanentJobError(error.message, { cause: error });
  if (error instanceof DomainError) return new PermanentJobError(error.message, { cause: error });
  return error;
}

function now(): string {
  return new Date().toISOString();
}
