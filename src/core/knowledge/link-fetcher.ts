import { syncLink, type LinkSync } from '../../crawl/link-sync.js';
import type { PageValidators } from '../../crawl/page-validators.js';
import { createGuardedFetch } from '../../net/guarded-fetch.js';
import type { KnowledgeLinkRow } from '../../storage/repositories/knowledge-links-repository.js';
import { version } from '../../version.js';

export type { LinkSync };

/** One sync of a link: the link, what the last sync stored per page URL, and the job's signal. */
export interface LinkSyncRequest {
  link: KnowledgeLinkRow;
  previous: ReadonlyMap<string, PageValidators>;
  signal: AbortSignal;
}

/**
 * How the ingestion job reads a link: the pages to (re-)ingest, keep and drop. The default,
 * {@link createLinkCrawler}, runs the crawler; tests may plug in something else.
 */
export type LinkFetcher = (request: LinkSyncRequest) => Promise<LinkSync>;

/** How far one sync goes: links followed from the start page, and pages requested in all. */
export interface CrawlLimits {
  maxDepth?: number | undefined;
  maxPages?: number | undefined;
}

/** The crawler's product token: robots.txt groups for `DocentBot` apply to it. */
export const crawlerUserAgent = `DocentBot/${version}`;

/** A slow page gets this long; the crawl's own time budget bounds the whole sync. */
const pageTimeoutMs = 20_000;

/** Largest page accepted, in bytes. */
const maximumPageBytes = 10 * 1024 * 1024;

/**
 * Syncs links with the same-site crawler through ONE SSRF-guarded client (SECURITY §4): every
 * page, robots.txt, sitemap and redirect hop is checked against the operator's allow-list.
 * With the grabber off only the link's own page is fetched; with it on, the site around it.
 */
export function createLinkCrawler(options: { allowedPrivateHosts: readonly string[]; limits?: CrawlLimits | undefined }): LinkFetcher {
  const fetch = createGuardedFetch({
    allowedPrivateHosts: options.allowedPrivateHosts,
    timeoutMs: pageTimeoutMs,
    maxResponseBytes: maximumPageBytes,
    userAgent: crawlerUserAgent,
  });
  return ({ link, previous, signal }) =>
    syncLink({
      startUrl: link.url,
      grabberEnabled: link.grabberEnabled === 1,
      fetch,
      userAgent: crawlerUserAgent,
      signal,
      previous,
      ...options.limits,
    });
}
