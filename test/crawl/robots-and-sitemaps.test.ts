import { afterEach, describe, expect, it } from 'vitest';
import { fetchRobotsRules } from '../../src/crawl/robots-rules.js';
import { readSitemapUrls } from '../../src/crawl/sitemap.js';
import { startTestSite, type TestSite } from './fixtures/test-site.js';

let site: TestSite;
afterEach(() => site.close());

const request = () => ({ fetch: site.guardedFetch(), userAgent: 'DocentBot/0.1', signal: new AbortController().signal });

describe('robots.txt', () => {
  it('applies the group for the crawler, its crawl delay and its sitemaps', async () => {
    site = await startTestSite({
      '/robots.txt': {
        contentType: 'text/plain',
        body: 'User-agent: *\nDisallow: /\n\nUser-agent: DocentBot\nDisallow: /drafts/\nCrawl-delay: 2\nSitemap: /maps/index.xml',
      },
    });
    const rules = await fetchRobotsRules(site.url, request());
    if ('reason' in rules) throw new Error(rules.message);
    expect(rules.allows(`${site.url}/guide`)).toBe(true);
    expect(rules.allows(`${site.url}/drafts/next`)).toBe(false);
    expect(rules.crawlDelayMs).toBe(2000);
    expect(rules.sitemaps).toEqual([`${site.url}/maps/index.xml`]);
  });

  it('allows everything without a robots.txt, and nothing while it answers with a server error', async () => {
    site = await startTestSite({});
    const missing = await fetchRobotsRules(site.url, request());
    expect('allows' in missing && missing.allows(`${site.url}/anything`)).toBe(true);
    site.resources.set('/robots.txt', { status: 503, body: 'down' });
    expect(await fetchRobotsRules(site.url, request())).toEqual({
      reason: 'robots-unavailable',
      message: 'The site is not crawled while its robots.txt cannot be read (robots.txt answered HTTP 503)',
      isRetryable: true,
    });
  });
});

describe('sitemaps', () => {
  it('follows a sitemap index on the same origin and reads CDATA and escaped locations', async () => {
    site = await startTestSite({});
    site.resources.set('/maps/index.xml', {
      contentType: 'application/xml',
      body: `<sitemapindex><sitemap><loc>${site.url}/maps/docs.xml</loc></sitemap>
        <sitemap><loc>http://127.0.0.1:1/foreign.xml</loc></sitemap></sitemapindex>`,
    });
    site.resources.set('/maps/docs.xml', {
      contentType: 'application/xml',
      body: `<urlset><url><loc>${site.url}/guide?a=1&amp;b=2</loc></url><url><loc><![CDATA[${site.url}/faq]]></loc></url></urlset>`,
    });
    const urls = await readSitemapUrls([`${site.url}/maps/index.xml`], site.url, { ...request(), maxUrls: 100 });
    expect(urls).toEqual([`${site.url}/guide?a=1&b=2`, `${site.url}/faq`]);
    expect(await readSitemapUrls([`${site.url}/maps/index.xml`], site.url, { ...request(), maxUrls: 1 })).toHaveLength(1);
  });

  it('treats a missing sitemap as an empty one', async () => {
    site = await startTestSite({});
    expect(await readSitemapUrls([`${site.url}/sitemap.xml`], site.url, { ...request(), maxUrls: 100 })).toEqual([]);
  });
});
