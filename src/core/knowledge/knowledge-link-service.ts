import { randomUUID } from 'node:crypto';
import type { Store } from '../../storage/store.js';
import { ConflictError, ValidationError } from '../errors.js';
import type { IngestionScheduler } from './ingestion-scheduler.js';
import { toKnowledgeLink, type KnowledgeLink } from './knowledge-views.js';
import { requireKnowledgeBase } from './owned-knowledge-base.js';
import type { SourceRemoval } from './source-removal.js';

export interface KnowledgeLinkInput {
  url: string;
  title?: string | undefined;
  /** Follow the page's links too (seed 003's grabber); honoured by the crawler's LinkFetcher. */
  grabberEnabled?: boolean | undefined;
}

/**
 * Links (seed 003): a web page fetched in the background by the ingestion job, through the
 * LinkFetcher hook (src/core/knowledge/link-fetcher.ts). Re-syncing a link is asking for one
 * more fetch: bump `syncRequests` and schedule it, as `add` does for the first.
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

  /** @throws ConflictError when the knowledge base already has this URL. */
  async add(ownerId: string, knowledgeBaseId: string, input: KnowledgeLinkInput): Promise<KnowledgeLink> {
    const knowledgeBase = await requireKnowledgeBase(this.store, ownerId, knowledgeBaseId);
    const url = normalizeUrl(input.url);
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

/** @throws ValidationError for anything but an http(s) URL without credentials. */
function normalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ValidationError('url must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ValidationError('url must be an http or https URL');
  if (url.username || url.password) throw new ValidationError('url must not contain credentials');
  url.hash = '';
  return url.toString();
}
