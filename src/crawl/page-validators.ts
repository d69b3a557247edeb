/**
 * What a sync remembers about one page, to ask next time whether it changed: the HTTP
 * validators for a conditional request, and a hash of the body for servers that send none
 * (or that answer 200 with the same bytes anyway).
 */
export interface PageValidators {
  etag?: string;
  lastModified?: string;
  /** SHA-256 of the response body as received, in hex. */
  contentHash: string;
}

/** `If-None-Match` / `If-Modified-Since` for a page synced before; none for a new page. */
export function conditionalHeaders(previous: PageValidators | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (previous?.etag) headers['if-none-match'] = previous.etag;
  if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
  return headers;
}

/** Validators with absent headers left out rather than stored as empty strings. */
export function pageValidators(contentHash: string, etag?: string, lastModified?: string): PageValidators {
  return { contentHash, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}
