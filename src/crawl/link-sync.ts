import type { ExtractedDocument } from '../ingest/extracted-document.js';
import type { PageFailure } from './page-failure.js';
import type { PageValidators } from './page-validators.js';
import { crawlSite, type CrawlSiteOptions } from './site-crawler.js';

/** One sync of a link, sorted into what the ingestion job has to do. */
export interface LinkSync {
  /** New or changed pages: (re-)chunk and embed, then store their validators. */
  ingest: { url: string; document: ExtractedDocument; validators: PageValidators }[];
  /** Pages whose stored chunks stay; only their validators are stored again. */
  unchanged: { url: string; validators: PageValidators }[];
  /** Pages that answered 404 or 410 since the last sync: delete their chunks and validators. */
  removed: string[];
  /** Pages that could not be fetched this time; whatever an earlier sync stored for them stays. */
  failed: { url: string; failure: PageFailure }[];
  /**
   * Set when the link as a whole failed: no page could be used, so the link is marked failed
   * with the start page's reason (blocked, unreachable, robots.txt, timeout ...).
   */
  failure?: PageFailure;
}

/**
 * Runs {@link crawlSite} to its end and sorts the pages for the ingestion job. Rejects only
 * when `options.signal` aborts.
 */
export async function syncLink(options: CrawlSiteOptions): Promise<LinkSync> {
  const sync: LinkSync = { ingest: [], unchanged: [], removed: [], failed: [] };
  let startFailure: PageFailure | undefined;
  for await (const page of crawlSite(options)) {
    const { url } = page;
    switch (page.status) {
      case 'added':
      case 'changed':
        sync.ingest.push({ url, document: page.document, validators: page.validators });
        break;
      case 'unchanged':
        sync.unchanged.push({ url, validators: page.validators });
        break;
      case 'removed':
        sync.removed.push(url);
        break;
      case 'failed':
        sync.failed.push({ url, failure: page.failure });
        if (page.depth === 0) startFailure = page.failure;
    }
  }
  if (startFailure && sync.ingest.length === 0 && sync.unchanged.length === 0) sync.failure = startFailure;
  return sync;
}
