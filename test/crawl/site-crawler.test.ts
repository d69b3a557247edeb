import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlResult } from '../../src/crawl/crawl-result.js';
import { crawlSite, type CrawlSiteOptions } from '../../src/crawl/site-crawler.js';
import { startLoopbackServer, type LoopbackServer } from '../net/loopback-server.js';
import { endlessPage, htmlPage, startTestSite, type TestSite } from './fixtures/test-site.js';

const userAgent = 'DocentBot/0.1';

async function collect(options: Partial<CrawlSiteOptions> & Pick<CrawlSiteOptions, 'startUrl' | 'fetch'>): Promise<CrawlResult[]> {
  const results: CrawlResult[] = [];
  for await (const result of crawlSite({ grabberEnabled: true, userAgent, ...options })) results.push(result);
  return results;
}

const paths = (results: CrawlResult[]) => results.map((result) => new URL(result.url).pathname + new URL(result.url).search);

describe('crawlSite on a real site', () => {
  let site: TestSite;
  let otherSite: LoopbackServer;

  beforeAll(async () => {
    otherSite = await startLoopbackServer((_request, response) => response.end('<a href="/">elsewhere</a>'));
    site = await startTestSite({
      '/robots.txt': {
        contentType: 'text/plain',
        body: `User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n\nSitemap: /sitemap.xml`,
      },
      '/sitemap.xml': {
        contentType: 'application/xml',
        body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>${'{origin}'}/from-sitemap</loc></url><url><loc>http://127.0.0.1:1/elsewhere</loc></url></urlset>`,
      },
      '/': htmlPage('Home', [
        '/a',
        '/a#reviews',
        '/a?utm_source=newsletter',
        '/b?y=2&x=1',
        '/private/salaries',
        '/manual.pdf',
        '/feed',
        'mailto:team@example.com',
        '{other}/',
      ]),
      '/a': htmlPage('Products', ['/a/deep']),
      '/a/deep': htmlPage('Deep page', ['/a/deep/deeper']),
      '/a/deep/deeper': htmlPage('Too deep'),
      '/b?x=1&y=2': htmlPage('Blog'),
      '/from-sitemap': htmlPage('Only in the sitemap'),
      '/feed': { body: '%PDF-1.7 binary', contentType: 'application/pdf' },
      '/nofollow-links': {
        body: '<html><body><p>Links</p><a rel="nofollow" href="/hidden">hidden</a><a href="/visible">visible</a></body></html>',
      },
      '/visible': htmlPage('Visible'),
      '/hidden': htmlPage('Hidden'),
      '/never-ends': endlessPage,
      '/with-endless-link': htmlPage('Has a slow neighbour', ['/never-ends', '/a']),
    });
    // Pages name their own origin and another loopback server, known only once both listen.
    for (const [path, resource] of site.resources) {
      if (typeof resource === 'function') continue;
      resource.body = resource.body.replaceAll('{origin}', site.url).replaceAll('{other}', otherSite.url);
      site.resources.set(path, resource);
    }
  });
  afterAll(async () => {
    await site.close();
    await otherSite.close();
  });

  it('crawls breadth-first to the depth limit, with normalised URLs, robots.txt and the sitemap', async () => {
    const results = await collect({ startUrl: `${site.url}/`, fetch: site.guardedFetch(), maxDepth: 2 });
    expect(paths(results)).toEqual(['/', '/a', '/b?x=1&y=2', '/feed', '/from-sitemap', '/a/deep']);
    expect(results.filter((result) => result.status === 'added')).toHaveLength(5);
    expect(results.find((result) => result.url.endsWith('/feed'))).toMatchObject({
      status: 'failed',
      failure: { reason: 'not-html', message: 'The page is application/pdf, not HTML or plain text' },
    });
    expect(site.requestCount('/a')).toBe(1);
    expect(site.requestCount('/private/salaries')).toBe(0);
    expect(site.requestCount('/manual.pdf')).toBe(0);
    expect(site.requestCount('/a/deep/deeper')).toBe(0);
    expect(otherSite.connections()).toBe(0);
  });

  it('stops at the page limit', async () => {
    const results = await collect({ startUrl: `${site.url}/`, fetch: site.guardedFetch(), maxPages: 3 });
    expect(paths(results)).toEqual(['/', '/a', '/b?x=1&y=2']);
  });

  it('keeps the main content and leaves navigation and footer out', async () => {
    const [home] = await collect({ startUrl: `${site.url}/a`, fetch: site.guardedFetch(), grabberEnabled: false });
    expect(home?.status).toBe('added');
    if (home?.status !== 'added') return;
    const text = home.document.blocks.map((block) => ('text' in block ? block.text : '')).join('\n');
    expect(home.document).toMatchObject({ type: 'html', title: 'Products', url: `${site.url}/a` });
    expect(text).toContain('Products explains how Docent answers questions');
    expect(text).not.toContain('NAVIGATION-BOILERPLATE');
    expect(text).not.toContain('FOOTER-BOILERPLATE');
  });

  it('fetches only the link itself when the grabber is off', async () => {
    const before = site.requests.length;
    const results = await collect({ startUrl: `${site.url}/`, fetch: site.guardedFetch(), grabberEnabled: false });
    expect(paths(results)).toEqual(['/']);
    expect(site.requests.slice(before).map((request) => request.path)).toEqual(['/']);
  });

  it('does not follow rel=nofollow links', async () => {
    const results = await collect({ startUrl: `${site.url}/nofollow-links`, fetch: site.guardedFetch(), maxDepth: 1 });
    expect(paths(results)).toContain('/visible');
    expect(paths(results)).not.toContain('/hidden');
  });

  it('fails a page that never ends with a clear reason and goes on with the others', async () => {
    const fetch = site.guardedFetch({ timeoutMs: 400 });
    const results = await collect({ startUrl: `${site.url}/with-endless-link`, fetch, maxDepth: 1 });
    expect(results.find((result) => result.url.endsWith('/never-ends'))).toMatchObject({
      status: 'failed',
      failure: { reason: 'timeout', message: 'Request did not complete within 400 ms', isRetryable: true },
    });
    expect(results.find((result) => result.url.endsWith('/a'))?.status).toBe('added');
  });

  it('honours a robots.txt that disallows the crawler altogether', async () => {
    const results = await collect({ startUrl: `${site.url}/`, fetch: site.guardedFetch(), userAgent: 'OtherBot/2.0' });
    expect(results).toEqual([
      expect.objectContaining({ status: 'failed', failure: expect.objectContaining({ reason: 'robots-disallowed' }) }),
    ]);
  });
});
