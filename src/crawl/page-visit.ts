import { detectChange } from './change-detection.js';
import { failedPage, type CrawlResult } from './crawl-result.js';
import { normalizeUrl } from './crawl-url.js';
import { fetchPage } from './fetch-page.js';
import { readMainContent } from './main-content.js';
import { isPageFailure } from './page-failure.js';
import type { PageValidators } from './page-validators.js';

export interface VisitContext {
  fetch: typeof fetch;
  userAgent: string;
  signal: AbortSignal;
  previous: ReadonlyMap<string, PageValidators>;
}

/** A visited page's result, and what the crawler needs from it to go on. */
export interface PageVisit {
  result: CrawlResult;
  /** The page's followable links; empty unless its body was fetched. */
  links: string[];
  canonicalUrl?: string;
  /** SHA-256 of the body when one was fetched, to notice the same page under two URLs. */
  fetchedHash?: string;
}

/**
 * Fetches one page (conditionally, when an earlier sync stored validators for it), decides
 * what changed, and reads the main content and links of a fetched body. The result's URL is
 * the normalised final URL after redirects. Only the context's abort rejects.
 */
export async function visitPage(url: string, depth: number, context: VisitContext): Promise<PageVisit> {
  const sent = context.previous.get(url);
  const { fetch, userAgent, signal } = context;
  const fetched = await fetchPage(url, { fetch, userAgent, signal, ...(sent ? { previous: sent } : {}) });
  const finalUrl = normalizeUrl(fetched.url) ?? url;
  const change = detectChange(context.previous.get(finalUrl) ?? sent, fetched);
  if (change.kind === 'failed') return { result: failedPage(finalUrl, depth, change.failure), links: [] };
  if (change.kind === 'removed') {
    return { result: { status: 'removed', url: finalUrl, depth, httpStatus: change.httpStatus }, links: [] };
  }
  if (fetched.status !== 'fetched') {
    return { result: { status: 'unchanged', url: finalUrl, depth, validators: change.validators }, links: [] };
  }

  const content = readMainContent(finalUrl, fetched.format, fetched.body);
  if (isPageFailure(content)) return { result: failedPage(finalUrl, depth, content), links: [] };
  const result: CrawlResult =
    change.kind === 'unchanged'
      ? { status: 'unchanged', url: finalUrl, depth, validators: change.validators }
      : { status: change.kind, url: finalUrl, depth, validators: change.validators, document: content.document };
  return {
    result,
    links: content.links,
    fetchedHash: fetched.contentHash,
    ...(content.canonicalUrl ? { canonicalUrl: content.canonicalUrl } : {}),
  };
}
