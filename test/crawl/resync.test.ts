import { afterEach, describe, expect, it } from 'vitest';
import type { CrawlResult } from '../../src/crawl/crawl-result.js';
import type { PageValidators } from '../../src/crawl/page-validators.js';
import { crawlSite, type CrawlSiteOptions } from '../../src/crawl/site-crawler.js';
import { endlessPage, htmlPage, startTestSite, type TestSite } from './fixtures/test-site.js';

let site: TestSite;
afterEach(() => site.close());

async function crawl(options: Partial<CrawlSiteOptions> = {}): Promise<CrawlResult[]> {
  const results: CrawlResult[] = [];
  const settings = { startUrl: `${site.url}/`, fetch: site.guardedFetch(), grabberEnabled: true, userAgent: 'DocentBot/0.1' };
  for await (const result of crawlSite({ ...settings, ...options })) results.push(result);
  return results;
}

/** What an ingestion job stores after a sync: validators per page URL. */
function validatorsOf(results: CrawlResult[]): Map<string, PageValidators> {
  const stored = new Map<string, PageValidators>();
  for (const result of results) if ('validators' in result) stored.set(result.url, result.validators);
  return stored;
}

const statusByPath = (results: CrawlResult[]) =>
  Object.fromEntries(results.map((result) => [new URL(result.url).pathname, result.status]));

describe('re-syncing a crawled site', () => {
  it('reports unchanged, changed, removed and new pages, asking the server conditionally', async () => {
    site = await startTestSite({
      '/': htmlPage('Home', ['/pricing', '/team', '/old-offer']),
      '/pricing': htmlPage('Pricing'),
      '/team': { ...htmlPage('Team'), validators: false },
      '/old-offer': htmlPage('Old offer'),
    });
    const first = await crawl();
    expect(statusByPath(first)).toEqual({ '/': 'added', '/pricing': 'added', '/team': 'added', '/old-offer': 'added' });

    site.resources.set('/pricing', htmlPage('Pricing', ['/careers']));
    site.resources.set('/careers', htmlPage('Careers'));
    site.resources.delete('/old-offer');
    const firstRequestOfSecondCrawl = site.requests.length;
    const second = await crawl({ previous: validatorsOf(first) });
    const conditionalPaths = site.requests.slice(firstRequestOfSecondCrawl).filter((request) => request.conditional);
    // /team's server sends no validators, so only its body's hash can tell it is unchanged.
    expect(conditionalPaths.map((request) => request.path).sort()).toEqual(['/', '/old-offer', '/pricing']);

    expect(statusByPath(second)).toEqual({
      '/': 'unchanged',
      '/pricing': 'changed',
      '/team': 'unchanged',
      '/old-offer': 'removed',
      '/careers': 'added',
    });
    const changed = second.find((result) => result.status === 'changed');
    expect(changed?.status === 'changed' && changed.document.title).toBe('Pricing');
    expect(second.find((result) => result.status === 'removed')).toMatchObject({ httpStatus: 404 });
  });

  it('keeps a page that only failed this time out of the removed ones', async () => {
    site = await startTestSite({ '/': htmlPage('Home', ['/flaky']), '/flaky': htmlPage('Flaky') });
    const first = await crawl();
    site.resources.set('/flaky', { status: 503, body: 'maintenance' });
    const second = await crawl({ previous: validatorsOf(first) });
    expect(second.find((result) => result.url.endsWith('/flaky'))).toMatchObject({
      status: 'failed',
      failure: { reason: 'http-error', httpStatus: 503, isRetryable: true },
    });
  });
});

describe('crawl pacing and limits', () => {
  it('waits the Crawl-delay between requests, up to the cap', async () => {
    site = await startTestSite({
      '/robots.txt': { body: 'User-agent: *\nCrawl-delay: 30', contentType: 'text/plain' },
      '/': htmlPage('Home', ['/one', '/two']),
      '/one': htmlPage('One'),
      '/two': htmlPage('Two'),
    });
    await crawl({ maxCrawlDelayMs: 300 });
    const pageTimes = site.requests.filter((request) => ['/', '/one', '/two'].includes(request.path)).map((request) => request.at);
    expect(pageTimes).toHaveLength(3);
    for (let index = 1; index < pageTimes.length; index += 1) {
      // Measured on arrival at the server, so network jitter may shave a few milliseconds off.
      expect(pageTimes[index]! - pageTimes[index - 1]!).toBeGreaterThanOrEqual(270);
    }
  });

  it('ends quietly when the time budget runs out', async () => {
    site = await startTestSite({ '/': htmlPage('Home', ['/slow', '/later']), '/slow': endlessPage, '/later': htmlPage('Later') });
    const startedAt = Date.now();
    const results = await crawl({ fetch: site.guardedFetch({ timeoutMs: 10_000 }), timeBudgetMs: 500 });
    expect(Date.now() - startedAt).toBeLessThan(2_000);
    expect(statusByPath(results)).toEqual({ '/': 'added' });
    expect(site.requestCount('/later')).toBe(0);
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    site = await startTestSite({ '/': htmlPage('Home', ['/slow']), '/slow': endlessPage });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('queue shutting down')), 300);
    await expect(crawl({ fetch: site.guardedFetch({ timeoutMs: 10_000 }), signal: controller.signal })).rejects.toThrow(
      'queue shutting down',
    );
  });
});
