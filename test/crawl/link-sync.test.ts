import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncLink } from '../../src/crawl/link-sync.js';
import { htmlPage, startTestSite, type TestSite } from './fixtures/test-site.js';

describe('syncLink', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite({ '/': htmlPage('Home', ['/guide', '/gone']), '/guide': htmlPage('Guide') });
  });
  afterAll(() => site.close());

  const options = (startUrl: string, grabberEnabled = true) => ({
    startUrl,
    fetch: site.guardedFetch(),
    grabberEnabled,
    userAgent: 'DocentBot/0.1',
  });

  it('sorts the pages of a crawl for ingestion; one broken page does not fail the link', async () => {
    const sync = await syncLink(options(`${site.url}/`));
    expect(sync.ingest.map((page) => page.url)).toEqual([`${site.url}/`, `${site.url}/guide`]);
    expect(sync.failed).toEqual([{ url: `${site.url}/gone`, failure: expect.objectContaining({ reason: 'not-found' }) }]);
    expect(sync.failure).toBeUndefined();

    const previous = new Map(sync.ingest.map((page) => [page.url, page.validators]));
    const again = await syncLink({ ...options(`${site.url}/`), previous });
    expect(again.ingest).toEqual([]);
    expect(again.unchanged.map((page) => page.url)).toEqual([`${site.url}/`, `${site.url}/guide`]);
  });

  it("fails the link with the start page's reason when nothing could be used", async () => {
    const blocked = await syncLink(options('http://169.254.169.254/latest/meta-data/', false));
    expect(blocked.failure).toMatchObject({ reason: 'blocked-destination', message: expect.stringContaining('169.254.169.254') });
    const missing = await syncLink(options(`${site.url}/gone`));
    expect(missing.failure).toMatchObject({ reason: 'not-found', httpStatus: 404 });
    const invalid = await syncLink(options('file:///etc/passwd'));
    expect(invalid.failure).toMatchObject({ reason: 'invalid-url' });
  });
});
