import type { ExtractedDocument } from '../../ingest/extracted-document.js';
import { IngestError } from '../../ingest/ingest-error.js';
import { PermanentJobError } from '../../jobs/job-errors.js';
import { GuardedFetchError } from '../../net/errors.js';
import type { JobContext } from '../../jobs/job-queue.js';
import { RetrievalProviderError } from '../../search/retrieval-provider-error.js';
import { BlobNotFoundError } from '../../storage/blobs/blob-storage.js';
import type { KnowledgeBaseRow } from '../../storage/repositories/knowledge-bases-repository.js';
import type { Repositories, Store } from '../../storage/store.js';
import { DomainError } from '../errors.js';
import { toChunkRows, type ChunkEmbedding } from './chunk-embedding.js';
import type { DenseIndex } from './dense-index.js';
import { ingestionJobId, type IngestionResult, type IngestSourcePayload } from './ingestion-jobs.js';
import { loadSource, titleOf } from './knowledge-source.js';
import type { LinkIngestion } from './link-ingestion.js';
import type { DocumentSource, SourceDocuments } from './source-documents.js';

export type { IngestionResult };

/**
 * The ingestion job: one source from content to searchable chunks.
 *
 * Read and extract, chunk with the knowledge base's settings, embed, and only then, in ONE
 * transaction, swap the source's old chunks for the new ones and mark it SUCCESS. A crash or an
 * abort anywhere before the commit leaves the old chunks untouched, and the job (at least once)
 * runs again from the start; chunking is deterministic, so the rerun writes exactly what an
 * uninterrupted run would have. A job that is no longer the source's current one (new bytes or
 * new settings arrived, or the source is gone) does nothing. Links are synced page by page
 * ({@link LinkIngestion}) under the same rules.
 */
export class IngestionPipeline {
  constructor(
    private readonly store: Store,
    private readonly documents: SourceDocuments,
    private readonly links: LinkIngestion,
    private readonly chunkEmbedding: ChunkEmbedding,
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
      throw asJobError(error);
    }
  }

  private async ingestDocument(source: DocumentSource, knowledgeBase: KnowledgeBaseRow, context: JobContext): Promise<IngestionResult> {
    const document = await this.documents.read(source, context.signal);
    await context.reportProgress(0.3);
    const [embedded] = await this.chunkEmbedding.embed(knowledgeBase, [document], context.signal);
    await context.reportProgress(0.9);
    context.signal.throwIfAborted();

    const origin = { knowledgeBaseId: knowledgeBase.id, sourceKind: source.kind, sourceId: source.row.id };
    const rows = toChunkRows({ ...origin, sourceTitle: titleOf(source), sourceUrl: null }, embedded!, now());
    const change = await this.store.transaction(async (repositories) => {
      const current = await repositories.knowledgeSources.setStatusForTask(source.kind, source.row.id, context.id, 'SUCCESS', null, now());
      if (!current) return undefined;
      const { removedIds, insertedIds } = await repositories.knowledgeChunks.replaceSource(source.kind, source.row.id, rows);
      await repositories.knowledgeSources.recordChunkCount(source.kind, source.row.id, rows.length);
      await recordWhatWasLearned(repositories, source, document);
      const contentVersion = await repositories.knowledgeBases.bumpContentVersion(knowledgeBase.id);
      return { removedIds, insertedIds, vectors: embedded!.vectors, contentVersion };
    });
    if (!change) return { outcome: 'skipped', reason: 'The source changed or was deleted while it was processed' };
    this.denseIndex.applyChange(knowledgeBase.id, embedded!.embeddingModel, change);
    return { outcome: 'indexed', chunkCount: rows.length };
  }
}

/** Keeps what extraction found out about a file: a spreadsheet's sheet summaries. */
async function recordWhatWasLearned(repositories: Repositories, source: DocumentSource, document: ExtractedDocument): Promise<void> {
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
