import { chunkDocument, type Chunk } from '../../ingest/chunker.js';
import { IngestError } from '../../ingest/ingest-error.js';
import { PermanentJobError } from '../../jobs/job-errors.js';
import { GuardedFetchError } from '../../net/errors.js';
import type { JobContext } from '../../jobs/job-queue.js';
import { embedTexts } from '../../search/embed-texts.js';
import { RetrievalProviderError } from '../../search/retrieval-provider-error.js';
import { BlobNotFoundError } from '../../storage/blobs/blob-storage.js';
import type { KnowledgeBaseRow } from '../../storage/repositories/knowledge-bases-repository.js';
import type { NewKnowledgeChunk } from '../../storage/repositories/knowledge-chunks-repository.js';
import type { Repositories, Store } from '../../storage/store.js';
import { DomainError } from '../errors.js';
import type { DenseIndex } from './dense-index.js';
import type { EmbeddingModels } from './embedding-models.js';
import { ingestionJobId, type IngestSourcePayload } from './ingestion-jobs.js';
import { embeddingModelKey, settingsOf } from './knowledge-base.js';
import { loadSource, titleOf, type KnowledgeSource } from './knowledge-source.js';
import type { SourceDocument, SourceDocuments } from './source-documents.js';

/** What an ingestion job reports as its result (`GET /tasks/:id`). */
export type IngestionResult = { outcome: 'indexed'; chunkCount: number } | { outcome: 'skipped'; reason: string };

/**
 * The ingestion job: one source from content to searchable chunks.
 *
 * Read and extract, chunk with the knowledge base's settings, embed, and only then, in ONE
 * transaction, swap the source's old chunks for the new ones and mark it SUCCESS. A crash or an
 * abort anywhere before the commit leaves the old chunks untouched, and the job (at least once)
 * runs again from the start; chunking is deterministic, so the rerun writes exactly what an
 * uninterrupted run would have. A job that is no longer the source's current one (new bytes or
 * new settings arrived, or the source is gone) does nothing.
 */
export class IngestionPipeline {
  constructor(
    private readonly store: Store,
    private readonly documents: SourceDocuments,
    private readonly embeddingModels: EmbeddingModels,
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
      return await this.ingest(source, knowledgeBase, context);
    } catch (error) {
      throw asJobError(error);
    }
  }

  private async ingest(source: KnowledgeSource, knowledgeBase: KnowledgeBaseRow, context: JobContext): Promise<IngestionResult> {
    const settings = settingsOf(knowledgeBase);
    const read = await this.documents.read(source, context.signal);
    await context.reportProgress(0.3);
    const chunks = chunkDocument(read.document, { chunkSize: settings.chunkSize, chunkOverlap: settings.chunkOverlap });
    const model = await this.embeddingModels.forSettings(knowledgeBase.ownerId, settings);
    const vectors = await embedTexts(model, chunks.map((chunk) => chunk.text), { abortSignal: context.signal });
    await context.reportProgress(0.9);
    context.signal.throwIfAborted();

    const modelKey = embeddingModelKey(settings);
    const rows = chunks.map((chunk, position) => toChunkRow(source, read, chunk, vectors[position]!, modelKey));
    const change = await this.store.transaction(async (repositories) => {
      const current = await repositories.knowledgeSources.setStatusForTask(source.kind, source.row.id, context.id, 'SUCCESS', null, now());
      if (!current) return undefined;
      const { removedIds, insertedIds } = await repositories.knowledgeChunks.replaceSource(source.kind, source.row.id, rows);
      await repositories.knowledgeSources.recordChunkCount(source.kind, source.row.id, rows.length);
      await recordWhatWasLearned(repositories, source, read);
      const contentVersion = await repositories.knowledgeBases.bumpContentVersion(knowledgeBase.id);
      return { removedIds, insertedIds, vectors, contentVersion };
    });
    if (!change) return { outcome: 'skipped', reason: 'The source changed or was deleted while it was processed' };
    this.denseIndex.applyChange(knowledgeBase.id, modelKey, change);
    return { outcome: 'indexed', chunkCount: rows.length };
  }
}

function toChunkRow(
  source: KnowledgeSource,
  read: SourceDocument,
  chunk: Chunk,
  embedding: Float32Array,
  embeddingModel: string,
): NewKnowledgeChunk {
  return {
    knowledgeBaseId: source.row.knowledgeBaseId,
    sourceKind: source.kind,
    sourceId: source.row.id,
    sourceTitle: source.kind === 'link' && !source.row.title ? (read.document.title ?? source.row.url) : titleOf(source),
    sourceUrl: source.kind === 'link' ? source.row.url : null,
    ordinal: chunk.ordinal,
    text: chunk.text,
    tokenCount: chunk.tokenCount,
    location: JSON.stringify(chunk.location),
    embedding,
    embeddingModel,
    createdAt: now(),
  };
}

/** Keeps what extraction found out: a spreadsheet's sheet summaries, a link's caching headers. */
async function recordWhatWasLearned(repositories: Repositories, source: KnowledgeSource, read: SourceDocument): Promise<void> {
  if (source.kind === 'file' && read.document.sheets) {
    const summary = read.document.sheets.map((sheet) => sheet.text).join('\n\n');
    await repositories.knowledgeFiles.update(source.row.id, { summary });
  }
  if (source.kind === 'link' && read.fetchedLink) {
    const { contentHash, etag, lastModified, document } = read.fetchedLink;
    const title = source.row.title || document.title || '';
    await repositories.knowledgeLinks.update(source.row.id, { contentHash, etag, lastModified, title, lastSyncedAt: now() });
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
