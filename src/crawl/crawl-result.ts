import type { ExtractedDocument } from '../ingest/extracted-document.js';
import type { PageFailure } from './page-failure.js';
import type { PageValidators } from './page-validators.js';

/** Where a page sits in the crawl: its URL (final, after redirects) and links from the start. */
interface PageLocation {
  url: string;
  /** 0 for the start page; pages from the sitemap or an earlier sync count as 1. */
  depth: number;
}

/**
 * One page of a crawl, as the ingestion job consumes it: `added` and `changed` pages carry
 * their main content to (re-)ingest and the validators to store; `unchanged` pages only the
 * validators to store; `removed` pages' chunks are deleted; `failed` pages keep whatever an
 * earlier sync stored, and say why.
 */
export type CrawlResult =
  | (PageLocation & { status: 'added' | 'changed'; validators: PageValidators; document: ExtractedDocument })
  | (PageLocation & { status: 'unchanged'; validators: PageValidators })
  | (PageLocation & { status: 'removed'; httpStatus: number })
  | (PageLocation & { status: 'failed'; failure: PageFailure });

export function failedPage(url: string, depth: number, failure: PageFailure): CrawlResult {
  return { status: 'failed', url, depth, failure };
}
