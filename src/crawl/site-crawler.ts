import { setTimeout as sleep } from 'node:timers/promises';
import { CrawlFrontier } from './crawl-frontier.js';
import { resolveCrawlSettings, type CrawlSettings, type CrawlSiteOptions } from './crawl-options.js';
import { failedPage, type CrawlResult } from './crawl-result.js';
import { normalizeUrl, originOf } from './crawl-url.js';
import { isPageFailure, type PageFailure } from './page-failure.js';
import { visitPage, type PageVisit, type VisitContext } from './page-visit.js';
import { fetchRobotsRules, type RobotsRules } from './robots-rules.js';
import { readSitemapUrls } from './sitemap.js';

export type { CrawlSiteOptions } from './crawl-options.js';
export type { CrawlResult } from './crawl-result.js';

/**
 * Crawls the site a link points to and yields each page as it is visited: its main content
 * when it is new or changed, or why it is unchanged, removed or failed. One page failing (a
 * timeout, a 500, a body that never ends) never stops the others.
 *
 * With the grabber on, the crawl stays on the start page's origin (scheme, host and port, taken
 * after redirects), honours robots.txt (read once per origin; disallowed pages are skipped,
 * `Crawl-delay` is kept up to `maxCrawlDelayMs`), and goes breadth-first from the start page
 * up to `maxDepth` links away and `maxPages` requests, seeded with the sitemap's pages and those
 * of the last sync. It ends early, without error, when `timeBudgetMs` runs out.
 *
 * Every request goes through `options.fetch`, which must be the guarded client. The iterable
 * rejects only when `options.signal` aborts.
 */
export async function* crawlSite(options: CrawlSiteOptions): AsyncGenerator<CrawlResult, void, undefined> {
  const settings = resolveCrawlSettings(options);
  const budget = AbortSignal.timeout(settings.timeBudgetMs);
  const signal = settings.signal ? AbortSignal.any([settings.signal, budget]) : budget;
  try {
    yield* new SiteCrawl(settings, signal).run();
  } catch (error) {
    if (settings.signal?.aborted) throw settings.signal.reason;
    if (!budget.aborted || !isAbort(error)) throw error;
  }
}

/** The rejection of a fetch (the signal's TimeoutError) or a sleep (an AbortError) cut short. */
function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

class SiteCrawl {
  private readonly robots = new Map<string, Promise<RobotsRules | PageFailure>>();
  private readonly context: VisitContext;
  private readonly fetchedHashes = new Set<string>();
  private pagesRequested = 0;
  private lastRequestAt = 0;

  constructor(
    private readonly settings: CrawlSettings,
    private readonly signal: AbortSignal,
  ) {
    this.context = { fetch: settings.fetch, userAgent: settings.userAgent, signal, previous: settings.previous };
  }

  async *run(): AsyncGenerator<CrawlResult, void, undefined> {
    const startUrl = normalizeUrl(this.settings.startUrl);
    if (startUrl === undefined) {
      const message = 'Only http and https URLs without credentials can be fetched';
      yield failedPage(this.settings.startUrl, 0, { reason: 'invalid-url', message, isRetryable: false });
      return;
    }
    if (!this.settings.grabberEnabled) {
      yield (await this.visit(startUrl, 0)).result;
      return;
    }

    const startRules = await this.rulesAllowing(startUrl);
    if (isPageFailure(startRules)) {
      yield failedPage(startUrl, 0, startRules);
      return;
    }
    const start = await this.visit(startUrl, 0);
    this.isFirstCopy(start);
    // A redirect (http to https, a new domain) moves the crawl to the origin the start page is on.
    const rules = await this.rulesAllowing(start.result.url);
    if (isPageFailure(rules)) {
      yield failedPage(start.result.url, 0, rules);
      return;
    }
    yield start.result;

    const origin = originOf(start.result.url);
    const frontier = new CrawlFrontier(origin, this.settings.maxDepth);
    for (const url of [startUrl, start.result.url, start.canonicalUrl]) if (url) frontier.markSeen(url);
    for (const url of await this.seeds(start, origin, rules)) frontier.add(url, 1);

    for (let entry = frontier.next(); entry && this.pagesRequested < this.settings.maxPages; entry = frontier.next()) {
      if (!rules.allows(entry.url)) continue;
      await sleep(this.delayBeforeNextRequest(rules), undefined, { signal: this.signal });
      const page = this.checkedVisit(await this.visit(entry.url, entry.depth), origin, rules);
      if (page === undefined) continue;
      frontier.markSeen(page.result.url);
      if (page.canonicalUrl) frontier.markSeen(page.canonicalUrl);
      yield page.result;
      for (const link of page.links) frontier.add(link, entry.depth + 1);
    }
  }

  /** The start page's links, then the sitemap's pages, then those of the last sync. */
  private async seeds(start: PageVisit, origin: string, rules: RobotsRules): Promise<string[]> {
    if (this.settings.maxDepth === 0) return [];
    const sitemaps = rules.sitemaps.length > 0 ? rules.sitemaps : [`${origin}/sitemap.xml`];
    const request = { fetch: this.settings.fetch, userAgent: this.settings.userAgent, signal: this.signal };
    const listed = await readSitemapUrls(sitemaps, origin, { ...request, maxUrls: this.settings.maxPages * 20 });
    const candidates = [...start.links, ...listed, ...this.settings.previous.keys()];
    return candidates.map((url) => normalizeUrl(url)).filter((url) => url !== undefined);
  }

  /**
   * Turns a visit that was redirected off the site into a failure, and drops one that landed on
   * a page robots.txt disallows or on a body already crawled under another URL.
   */
  private checkedVisit(page: PageVisit, origin: string, rules: RobotsRules): PageVisit | undefined {
    const { url, depth } = page.result;
    if (originOf(url) !== origin) {
      const message = `The page redirected to another site (${new URL(url).host})`;
      return { result: failedPage(url, depth, { reason: 'off-site-redirect', message, isRetryable: false }), links: [] };
    }
    if (!rules.allows(url)) return undefined;
    return this.isFirstCopy(page) ? page : undefined;
  }

  /** False for a body fetched before under another URL (`/` and `/index.html`); remembers it otherwise. */
  private isFirstCopy(page: PageVisit): boolean {
    if (page.fetchedHash === undefined) return true;
    if (this.fetchedHashes.has(page.fetchedHash)) return false;
    this.fetchedHashes.add(page.fetchedHash);
    return true;
  }

  private async visit(url: string, depth: number): Promise<PageVisit> {
    this.pagesRequested += 1;
    this.lastRequestAt = Date.now();
    return visitPage(url, depth, this.context);
  }

  /** The robots.txt rules of a URL's origin if they allow it; why they keep the crawler away otherwise. */
  private async rulesAllowing(url: string): Promise<RobotsRules | PageFailure> {
    const rules = await this.robotsFor(originOf(url));
    if (isPageFailure(rules) || rules.allows(url)) return rules;
    return { reason: 'robots-disallowed', message: "The site's robots.txt disallows this page", isRetryable: false };
  }

  private robotsFor(origin: string): Promise<RobotsRules | PageFailure> {
    let rules = this.robots.get(origin);
    if (rules === undefined) {
      const { fetch, userAgent } = this.settings;
      rules = fetchRobotsRules(origin, { fetch, userAgent, signal: this.signal });
      this.robots.set(origin, rules);
    }
    return rules;
  }

  private delayBeforeNextRequest(rules: RobotsRules): number {
    const delay = Math.min(rules.crawlDelayMs ?? 0, this.settings.maxCrawlDelayMs);
    return Math.max(0, this.lastRequestAt + delay - Date.now());
  }
}
