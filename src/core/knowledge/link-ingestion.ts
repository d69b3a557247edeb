import type { LinkSync } from '../../crawl/link-sync.js';
import type { PageFailure } from '../../crawl/page-failure.js';
import { pageValidators, type PageValidators } from '../../crawl/page-validators.js';
import { PermanentJobError } from '../../jobs/job-errors.js';
import type { JobContext } from '../../jobs/job-queue.js';
import { defaultChunkBatchLimits } from '../../ingest/chunk-batches.js';
import { DocumentChunker, type ChunkOptions } from '../../ingest/chunker.js';
import type { KnowledgeBaseRow } from '../../storage/repositories/knowledge-bases-repository.js';
import type { StagingRun } from '../../storage/repositories/knowledge-chunk-staging-repository.js';
import type { KnowledgeLinkPageRow } from '../../storage/repositories/knowledge-link-pages-repository.js';
import type { KnowledgeLinkRow } from '../../storage/repositories/knowledge-links-repository.js';
import type { Repositories, Store } from '../../storage/store.js';
import type { ChunkEmbedding } from './chunk-embedding.js';
import type { ChunkStager, OriginChunk, StagedChunks, StagingBatch } from './chunk-staging.js';
import type { ChunkChange, DenseIndex } from './dense-index.js';
import type { IngestionResult } from './ingestion-jobs.js';
import type { LinkFetcher } from './link-fetcher.js';

/** What the final transaction of a sync needs. */
interface SyncCommit {
  link: KnowledgeLinkRow;
  knowledgeBase: KnowledgeBaseRow;
  sync: LinkSync;
  run: StagingRun;
  staged: StagedChunks;
  at: string;
}

/**
 * The ingestion job's work for a link: sync it through the {@link LinkFetcher} (the crawler),
 * then bring its chunks up to date one page at a time. New and changed pages get fresh chunks,
 * cited by the page's own URL; pages that answered 404 or 410 lose theirs; unchanged pages keep
 * their chunks untouched and only their validators are stored again; a page that failed this
 * time keeps what an earlier sync stored. A sync that changed nothing embeds nothing.
 *
 * New chunks are embedded across pages in batches (a crawl of many small pages costs a few full
 * provider requests, not one per page) and staged like a file's ({@link ChunkStager}). Like every
 * source, all writes land in one transaction, and only if the job is still the link's current
 * one, so a crash or a superseding job leaves the previous sync's state whole.
 */
export class LinkIngestion {
  constructor(
    private readonly store: Store,
    private readonly fetchLink: LinkFetcher,
    private readonly chunkEmbedding: ChunkEmbedding,
    private readonly stager: ChunkStager,
    private readonly denseIndex: DenseIndex,
  ) {}

  /** @throws PermanentJobError when no page could be used and retrying cannot help; a plain Error when it might. */
  async sync(link: KnowledgeLinkRow, knowledgeBase: KnowledgeBaseRow, context: JobContext): Promise<IngestionResult> {
    const stored = await this.store.knowledgeLinkPages.listByLink(link.id);
    const previous = previousValidators(stored, knowledgeBase.settingsVersion);
    const sync = await this.fetchLink({ link, previous, signal: context.signal });
    if (sync.failure) throw linkFailure(sync.failure);
    await context.reportProgress(0.3);
    const embedder = this.chunkEmbedding.forKnowledgeBase(knowledgeBase);
    const run = { taskId: context.id, attempt: context.attempt };
    const staged = await this.stager.stage(run, pageBatches(link, knowledgeBase, sync, embedder.chunkOptions), embedder, context.signal);
    await context.reportProgress(0.9);
    context.signal.throwIfAborted();

    const work: SyncCommit = { link, knowledgeBase, sync, run, staged, at: new Date().toISOString() };
    const committed = await this.store.transaction((repositories) => this.commit(repositories, context.id, work));
    if (!committed) {
      await this.stager.discard(run);
      return { outcome: 'skipped', reason: 'The link changed or was deleted while it was synced' };
    }
    if (committed.change) this.denseIndex.applyChange(knowledgeBase.id, embedder.modelKey, committed.change);
    const pageCounts = {
      ingested: sync.ingest.length,
      unchanged: sync.unchanged.length,
      removed: sync.removed.length,
      failed: sync.failed.length,
    };
    return { outcome: committed.change ? 'indexed' : 'unchanged', chunkCount: committed.chunkCount, pages: pageCounts };
  }

  private async commit(repositories: Repositories, taskId: string, work: SyncCommit): Promise<{ chunkCount: number; change?: ChunkChange } | undefined> {
    const { link, knowledgeBase, sync, at } = work;
    if (!(await repositories.knowledgeSources.setStatusForTask('link', link.id, taskId, 'SUCCESS', null, at))) return undefined;
    const kept = [...sync.ingest, ...sync.unchanged];
    await repositories.knowledgeLinkPages.upsert(kept.map((page) => pageRow(link.id, page, knowledgeBase.settingsVersion, at)));
    await repositories.knowledgeLinkPages.delete(link.id, sync.removed);

    // Pages gone and pages re-ingested lose their chunks; the re-ingested get their staged ones.
    const replaced = [...sync.removed, ...sync.ingest.map((page) => page.url)];
    const removedIds = await repositories.knowledgeChunks.deleteLinkPages(link.id, replaced);
    const moved = await this.stager.commit(repositories, work.run, at);
    await repositories.knowledgeChunkStaging.deleteSource('link', link.id);
    removedIds.push(...(await repositories.knowledgeChunks.deleteUnlistedLinkPages(link.id)));

    const chunkCount = await repositories.knowledgeChunks.countSource('link', link.id);
    await repositories.knowledgeSources.recordChunkCount('link', link.id, chunkCount);
    const title = link.title || sync.ingest[0]?.document.title?.trim() || '';
    await repositories.knowledgeLinks.update(link.id, { title, lastSyncedAt: at });
    if (removedIds.length === 0 && moved.length === 0) return { chunkCount };
    const contentVersion = await repositories.knowledgeBases.bumpContentVersion(knowledgeBase.id);
    const insertedIds = moved.map((chunk) => chunk.id);
    return { chunkCount, change: { removedIds, insertedIds, vectors: work.staged.vectorsOf(moved), contentVersion } };
  }
}

/** The chunks of the new and changed pages, page after page, in batches that may span pages. */
async function* pageBatches(
  link: KnowledgeLinkRow,
  knowledgeBase: KnowledgeBaseRow,
  sync: LinkSync,
  chunkOptions: Partial<ChunkOptions>,
): AsyncGenerator<StagingBatch> {
  let batch: OriginChunk[] = [];
  for (const page of sync.ingest) {
    const origin = { knowledgeBaseId: knowledgeBase.id, sourceKind: 'link' as const, sourceId: link.id, sourceTitle: pageTitle(link, page), sourceUrl: page.url };
    const chunker = new DocumentChunker(page.document, chunkOptions);
    const chunks = page.document.blocks.flatMap((block) => chunker.push(block));
    for (const chunk of [...chunks, ...chunker.finish()]) {
      batch.push({ origin, chunk });
      if (batch.length >= defaultChunkBatchLimits.chunks) {
        yield { items: batch };
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield { items: batch };
}

/**
 * What the crawler sends conditionally, per page URL. A page whose chunks were made under older
 * settings (another chunk size or embedding model) is offered with no HTTP validators and a hash
 * no body has, so it is fetched in full and re-ingested, while still revisited like any known page.
 */
function previousValidators(pages: readonly KnowledgeLinkPageRow[], settingsVersion: number): Map<string, PageValidators> {
  return new Map(
    pages.map((page) => [
      page.url,
      page.settingsVersion === settingsVersion
        ? pageValidators(page.contentHash, page.etag ?? undefined, page.lastModified ?? undefined)
        : { contentHash: '' },
    ]),
  );
}

function pageRow(linkId: string, page: { url: string; validators: PageValidators }, settingsVersion: number, syncedAt: string) {
  const { contentHash, etag, lastModified } = page.validators;
  return { linkId, url: page.url, contentHash, etag: etag ?? null, lastModified: lastModified ?? null, settingsVersion, syncedAt };
}

/** The owner's title names the link's own page; every other page is cited by its own title. */
function pageTitle(link: KnowledgeLinkRow, page: LinkSync['ingest'][number]): string {
  if (page.url === link.url && link.title) return link.title;
  return page.document.title?.trim() || link.title || page.url;
}

/** A sync that could use no page fails with the start page's reason, at once unless a retry could help. */
function linkFailure(failure: PageFailure): Error {
  return failure.isRetryable ? new Error(failure.message) : new PermanentJobError(failure.message);
}
