import { originOf } from './crawl-url.js';

export interface SitemapRequest {
  fetch: typeof fetch;
  userAgent: string;
  signal: AbortSignal;
  /** Stop after this many page URLs. */
  maxUrls: number;
  /** Stop after reading this many sitemap files, counting those a sitemap index names. */
  maxFiles?: number;
}

const xmlEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The page URLs that an origin's sitemaps list (sitemaps.org: `<urlset>` files and
 * `<sitemapindex>` files naming more sitemaps), in the order listed. Only sitemaps on the
 * crawled origin are read. A sitemap is a hint: one that is missing, broken or refused is
 * skipped without failing the crawl; only the caller's abort rejects.
 */
export async function readSitemapUrls(
  sitemapUrls: readonly string[],
  origin: string,
  request: SitemapRequest,
): Promise<string[]> {
  const pending = sitemapUrls.filter((url) => sameOrigin(url, origin));
  const visited = new Set<string>();
  const pages: string[] = [];
  const maxFiles = request.maxFiles ?? 10;
  for (let sitemapUrl = pending.shift(); sitemapUrl !== undefined; sitemapUrl = pending.shift()) {
    if (visited.size >= maxFiles || pages.length >= request.maxUrls) break;
    if (visited.has(sitemapUrl)) continue;
    visited.add(sitemapUrl);
    const xml = await fetchSitemap(sitemapUrl, request);
    const locations = locationsIn(xml);
    if (/<sitemapindex[\s>]/i.test(xml)) pending.push(...locations.filter((url) => sameOrigin(url, origin)));
    else pages.push(...locations.slice(0, request.maxUrls - pages.length));
  }
  return pages;
}

async function fetchSitemap(url: string, request: SitemapRequest): Promise<string> {
  try {
    const response = await request.fetch(url, { headers: { 'user-agent': request.userAgent }, signal: request.signal });
    if (response.ok) return await response.text();
    await response.body?.cancel();
  } catch {
    if (request.signal.aborted) throw request.signal.reason;
  }
  return '';
}

/** The `<loc>` values of a sitemap, with CDATA sections and XML entities undone. */
function locationsIn(xml: string): string[] {
  const locations: string[] = [];
  for (const [, raw = ''] of xml.matchAll(/<loc>\s*(?:<!\[CDATA\[)?([\s\S]*?)(?:\]\]>)?\s*<\/loc>/gi)) {
    locations.push(raw.trim().replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => xmlEntities[name] ?? ''));
  }
  return locations;
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return originOf(url) === origin;
  } catch {
    return false;
  }
}
