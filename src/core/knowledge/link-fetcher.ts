import { createHash } from 'node:crypto';
import { extractDocument } from '../../ingest/extract-document.js';
import type { ExtractedDocument } from '../../ingest/extracted-document.js';
import { IngestError } from '../../ingest/ingest-error.js';
import { createGuardedFetch } from '../../net/guarded-fetch.js';
import type { KnowledgeLinkRow } from '../../storage/repositories/knowledge-links-repository.js';

/** A link's page as fetched, with what a later re-sync needs to ask "has it changed?". */
export interface FetchedLink {
  document: ExtractedDocument;
  contentHash: string;
  etag: string | null;
  lastModified: string | null;
}

/**
 * The crawler's hook point: how the ingestion job turns a link into a document. The default,
 * {@link createPageFetcher}, fetches the one page; a crawler that follows links (`grabberEnabled`),
 * honours robots.txt and sends conditional requests plugs in here instead.
 */
export type LinkFetcher = (link: KnowledgeLinkRow, signal: AbortSignal) => Promise<FetchedLink>;

/** Largest page accepted, in bytes. */
const maximumPageBytes = 10 * 1024 * 1024;

/** Fetches a single page through the SSRF-guarded client and extracts it like an upload. */
export function createPageFetcher(options: { allowedPrivateHosts: readonly string[] }): LinkFetcher {
  const fetch = createGuardedFetch({ allowedPrivateHosts: options.allowedPrivateHosts, maxResponseBytes: maximumPageBytes });
  return async (link, signal) => {
    const response = await fetch(link.url, { signal });
    if (!response.ok) throw new IngestError('corrupt', `The page answered HTTP ${response.status}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    return {
      document: await extractDocument({ bytes, url: link.url, name: link.title || link.url }),
      contentHash: createHash('sha256').update(bytes).digest('hex'),
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  };
}
