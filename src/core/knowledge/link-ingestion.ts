import type { LinkSync } from '../../crawl/link-sync.js';
import type { PageFailure } from '../../crawl/page-failure.js';
import { pageValidators, type PageValidators } from '../../crawl/page-validators.js';
import { PermanentJobError } from '../../jobs/job-errors.js';
import type { JobContext } from '../../jobs/job-queue.js';
import type { KnowledgeBaseRow } from '../../storage/repositories/knowledge-bases-repository.js';
import type { NewKnowledgeChunk } from '../../storage/repositories/knowledge-chunks-repository.js';
import type { KnowledgeLinkPageRow } from '../../storage/repositories/knowledge-link-pages-repository.js';
import type { KnowledgeLinkRow } from '../../storage/repositories/knowledge-links-repository.js';
import type { Repositories, Store } from '../../storage/store.js';
import { toChunkRows, type ChunkEmbedding } from './chunk-embedding.js';
import type { ChunkChange, DenseIndex } from './dense-index.js';
import type { IngestionResult } from './ingestion-jobs.js';
import { embeddingModelKey, settingsOf } from './knowledge-base.js';
import type { LinkFetcher } from './link-fetcher.js';

/** One new or changed page, ready to store: its URL and its chunk rows with their vectors. */
interface PageChunks {
  url: string;
  rows: NewKnowledgeChunk[];
}

/**
 * The ingestion job's work for a link: sync it through the {@link LinkFetcher} (the crawler),
 * then bring its chunks up to date one page at a time. New and changed pages get fresh chunks,
 * cited by the page's own URL; pages that answered 404 or 410 lose theirs; unchanged pages keep
 * their chunks untouched and only their validators are stored again; a page that failed this
 * time keeps what an earlier sync stored. A sync that changed nothing embeds nothing.
 *
 * Like every source, all writes land in one transaction, and only if the job is still the
 * link's current one, so a crash or a superseding job leaves the previous sync's state whole.
 */
export class LinkIngestion {
  constructor(
    private readonly store: Store,
    private readonly fetchLink: LinkFetcher,
    private readonly chunkEmbedding: ChunkEmbedding,
    private readonly denseIndex: DenseIndex,
  ) {}

  /** @throws PermanentJobError when no page could be used and retrying cannot help; a plain Error when it might. */
  async sync(link: KnowledgeLinkRow, knowledgeBase: KnowledgeBaseRow, context: JobContext): Promise<IngestionResult> {
    const stored = await this.store.knowledgeLinkPages.listByLink(link.id);
    const previous = previousValidators(stored, knowledgeBase.settingsVersion);
    const sync = await this.fetchLink({ link, previous, signal: context.signal });
    if (sync.failure) throw linkFailure(sync.failure);
    await context.reportProgress(0.3);
    const embedded = await this.chunkEmbedding.embed(knowledgeBase, sync.ingest.map((page) => page.document), context.signal);
    await context.reportProgress(0.9);
    context.signal.throwIfAborted();

    const at = new Date().toISOString();
    const pages = sync.ingest.map((page, position): PageChunks => {
      const origin = { knowledgeBaseId: knowledgeBase.id, sourceKind: 'link' as const, sourceId: link.id, sourceUrl: page.url };
      return { url: page.url, rows: toChunkRows({ ...origin, sourceTitle: pageTitle(link, page) }, embedded[position]!, at) };
    });
    const work = { link, knowledgeBase, sync, pages, taskId: context.id, at };
    const committed = await this.store.transaction((repositories) => this.commit(repositories, work));
    if (!committed) return { outcome: 'skipped', reason: 'The link changed or was deleted while it was synced' };
    if (committed.change) {
      this.denseIndex.applyChange(knowledgeBase.id, embeddingModelKey(settingsOf(knowledgeBase)), committed.change);
    }
    const pageCounts = {
      ingested: sync.ingest.length,
      unchanged: sync.unchanged.length,
      removed: sync.removed.length,
      failed: sync.failed.length,
    };
    return { outcome: committed.change ? 'indexed' : 'unchanged', chunkCount: committed.chunkCount, pages: pageCounts };
  }

  private async commit(
    repositories: Repositories,
    work: { link: KnowledgeLinkRow; knowledgeBase: KnowledgeBaseRow; sync: LinkSync; pages: PageChunks[]; taskId: string; at: string },
  ): Promise<{ chunkCount: number; change?: ChunkChange } | undefined> {
    const { link, knowledgeBase, sync, pages, at } = work;
    if (!(await repositories.knowledgeSources.setStatusForTask('link', link.id, work.taskId, 'SUCCESS', null, at))) return undefined;
    const kept = [...sync.ingest, ...sync.unchanged];
    await repositories.knowledgeLinkPages.upsert(kept.map((page) => pageRow(link.id, page, knowledgeBase.settingsVersion, at)));
    await repositories.knowledgeLinkPages.delete(link.id, sync.removed);

    const removedIds = await repositories.knowledgeChunks.deleteLinkPages(link.id, sync.removed);
    const insertedIds: number[] = [];
    for (const page of pages) {
      const replaced = await repositories.knowledgeChunks.replaceLinkPage(link.id, page.url, page.rows);
      removedIds.push(...replaced.removedIds);
      insertedIds.push(...replaced.insertedIds);
    }
    removedIds.push(...(await repositories.knowledgeChunks.deleteUnlistedLinkPages(link.id)));

    const chunkCount = await repositories.knowledgeChunks.countSource('link', link.id);
    await repositories.knowledgeSources.recordChunkCount('link', link.id, chunkCount);
    const title = link.title || sync.ingest[0]?.document.title?.trim() || '';
    await repositories.knowledgeLinks.update(link.id, { title, lastSyncedAt: at });
    if (removedIds.length === 0 && insertedIds.length === 0) return { chunkCount };
    const vectors = pages.flatMap((page) => page.rows.map((row) => row.embedding));
    const contentVersion = await repositories.knowledgeBases.bumpContentVersion(knowledgeBase.id);
    return { chunkCount, change: { removedIds, insertedIds, vectors, contentVersion } };
  }
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
