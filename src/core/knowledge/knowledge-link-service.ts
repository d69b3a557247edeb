import { randomUUID } from 'node:crypto';
import { normalizeUrl } from '../../crawl/crawl-url.js';
import type { Store } from '../../storage/store.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { IngestionScheduler } from './ingestion-scheduler.js';
import { toKnowledgeLink, type KnowledgeLink } from './knowledge-views.js';
import { requireKnowledgeBase } from './owned-knowledge-base.js';
import type { SourceRemoval } from './source-removal.js';

export interface KnowledgeLinkInput {
  url: string;
  title?: string | undefined;
  /** Crawl the site from this page (seed 003's grabber), within the crawler's depth and page limits. */
  grabberEnabled?: boolean | undefined;
}

/**
 * Links (seed 003): a web page, or with the grabber on the site around it, synced in the
 * background by the ingestion job through the crawler (src/core/knowledge/link-fetcher.ts).
 * Re-syncing a link is asking for one more sync: bump `syncRequests` and schedule it, as `add`
 * does for the first (`LinkResync` does so on the knowledge base's update interval).
 */
export class KnowledgeLinkService {
  constructor(
    private readonly store: Store,
    private readonly scheduler: IngestionScheduler,
    private readonly removal: SourceRemoval,
  ) {}

  async list(ownerId: string, knowledgeBaseId: string): Promise<KnowledgeLink[]> {
    await requireKnowledgeBase(this.store, ownerId, knowledgeBaseId);
    return (await this.store.knowledgeLinks.listOwned(knowledgeBaseId, ownerId)).map(toKnowledgeLink);
  }

  /**
   * The URL is stored in the crawler's one spelling of it (no fragment, no tracking parameters,
   * sorted query), so the same page entered twice is recognised.
   * @throws ValidationError for anything but an http(s) URL without credentials.
   * @throws ConflictError when the knowledge base already has this URL.
   */
  async add(ownerId: string, knowledgeBaseId: string, input: KnowledgeLinkInput): Promise<KnowledgeLink> {
    const knowledgeBase = await requireKnowledgeBase(this.store, ownerId, knowledgeBaseId);
    const url = normalizeUrl(input.url.trim());
    if (url === undefined) throw new ValidationError('url must be an absolute http or https URL without credentials');
    if (await this.store.knowledgeLinks.findByUrl(knowledgeBaseId, url)) {
      throw new ConflictError('This link is already in the knowledge base');
    }
    const now = new Date().toISOString();
    const row = await this.store.knowledgeLinks
      .insert({
        id: randomUUID(),
        knowledgeBaseId,
        url,
        title: input.title?.trim() ?? '',
        grabberEnabled: input.grabberEnabled ? 1 : 0,
        syncRequests: 1,
        lastSyncedAt: null,
        etag: null,
        lastModified: null,
        contentHash: null,
        status: 'PENDING',
        failureReason: null,
        taskId: null,
        chunkCount: 0,
        createdAt: now,
        updatedAt: now,
      })
      .catch((error: unknown) => {
        // Two requests added the same URL at once; the other one won.
        throw this.store.isUniqueViolation(error) ? new ConflictError('This link is already in the knowledge base') : error;
      });
    await this.scheduler.schedule(knowledgeBase, { kind: 'link', row });
    const link = await this.store.knowledgeLinks.findOwned(knowledgeBaseId, row.id, ownerId);
    return toKnowledgeLink(link ?? row);
  }

  async delete(ownerId: string, knowledgeBaseId: string, linkId: string): Promise<void> {
    await this.removal.remove(ownerId, knowledgeBaseId, 'link', linkId);
  }
}
