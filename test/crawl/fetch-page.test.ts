import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage } from '../../src/crawl/fetch-page.js';
import { crawlSite } from '../../src/crawl/site-crawler.js';
import { startLoopbackServer, type LoopbackServer } from '../net/loopback-server.js';
import { htmlPage, startTestSite, type TestSite } from './fixtures/test-site.js';

const blocked = (messagePart: string) =>
  expect.objectContaining({
    status: 'failed',
    failure: expect.objectContaining({ reason: 'blocked-destination', isRetryable: false, message: expect.stringContaining(messagePart) }),
  });

describe('fetchPage through the guarded client', () => {
  let site: TestSite;
  let privateServer: LoopbackServer;

  beforeAll(async () => {
    privateServer = await startLoopbackServer((_request, response) => response.end('<p>internal admin</p>'));
    site = await startTestSite({
      '/': htmlPage('Home'),
      '/to-metadata': { status: 302, body: '', headers: { location: 'http://169.254.169.254/latest/meta-data/' } },
      '/to-home': { status: 301, body: '', headers: { location: '/' } },
      '/report': { body: '%PDF-1.7', contentType: 'application/pdf' },
      '/notes': { body: 'Plain notes.\n\nSecond paragraph.', contentType: 'text/plain' },
      '/broken': { status: 500, body: 'oops' },
      '/large': { body: `<p>${'x'.repeat(5_000)}</p>` },
    });
    site.resources.set('/to-private', { status: 302, body: '', headers: { location: `${privateServer.url}/` } });
    // "café" in Windows-1252: é is the single byte 0xE9, which is not valid UTF-8.
    site.resources.set('/legacy', (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
      response.end(Buffer.from([...Buffer.from('<p>caf'), 0xe9, ...Buffer.from('</p>')]));
    });
  });
  afterAll(async () => {
    await site.close();
    await privateServer.close();
  });

  it('fetches a page with its validators, final URL and a hash of the body', async () => {
    const result = await fetchPage(`${site.url}/to-home`, { fetch: site.guardedFetch() });
    expect(result).toMatchObject({ status: 'fetched', url: `${site.url}/`, format: 'html', etag: expect.any(String) });
    expect(result.status === 'fetched' && result.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a 304 to a conditional request as unchanged', async () => {
    const first = await fetchPage(`${site.url}/`, { fetch: site.guardedFetch() });
    if (first.status !== 'fetched') throw new Error('expected a page');
    const previous = { etag: first.etag!, contentHash: first.contentHash };
    expect(await fetchPage(`${site.url}/`, { fetch: site.guardedFetch(), previous })).toMatchObject({ status: 'unchanged' });
  });

  it('refuses the cloud metadata address, another loopback port and localhost when only 127.0.0.1:port is allowed', async () => {
    const fetch = site.guardedFetch();
    expect(await fetchPage('http://169.254.169.254/latest/meta-data/', { fetch })).toEqual(blocked('169.254.169.254 (linkLocal)'));
    expect(await fetchPage(`${privateServer.url}/`, { fetch })).toEqual(blocked('127.0.0.1 (loopback) is not a public address'));
    expect(await fetchPage(`http://localhost:${site.port}/`, { fetch })).toEqual(blocked('localhost resolves to'));
    expect(privateServer.connections()).toBe(0);
  });

  it('refuses a redirect to a disallowed host', async () => {
    const fetch = site.guardedFetch();
    expect(await fetchPage(`${site.url}/to-metadata`, { fetch })).toEqual(blocked('169.254.169.254'));
    expect(await fetchPage(`${site.url}/to-private`, { fetch })).toEqual(blocked('127.0.0.1 (loopback)'));
    expect(privateServer.connections()).toBe(0);
  });

  it('refuses a private start URL in a crawl with the same reason, and nothing is fetched', async () => {
    const results = [];
    const options = { startUrl: `${privateServer.url}/`, fetch: site.guardedFetch(), grabberEnabled: true, userAgent: 'DocentBot' };
    for await (const result of crawlSite(options)) results.push(result);
    expect(results).toEqual([blocked('is not a public address')]);
    expect(privateServer.connections()).toBe(0);
  });

  it('accepts plain text, and decodes the charset a page declares', async () => {
    const fetch = site.guardedFetch();
    expect(await fetchPage(`${site.url}/notes`, { fetch })).toMatchObject({ format: 'text', body: 'Plain notes.\n\nSecond paragraph.' });
    expect(await fetchPage(`${site.url}/legacy`, { fetch })).toMatchObject({ body: '<p>café</p>' });
  });

  it('fails with a clear reason for other content, HTTP errors, oversized bodies and closed ports', async () => {
    const fetch = site.guardedFetch({ maxResponseBytes: 1_000 });
    const failureFor = async (path: string) => {
      const result = await fetchPage(`${site.url}${path}`, { fetch });
      return result.status === 'failed' ? result.failure : result;
    };
    expect(await failureFor('/report')).toMatchObject({ reason: 'not-html', message: 'The page is application/pdf, not HTML or plain text' });
    expect(await failureFor('/missing')).toMatchObject({ reason: 'not-found', httpStatus: 404, message: 'The page does not exist (HTTP 404 Not Found)' });
    expect(await failureFor('/broken')).toMatchObject({ reason: 'http-error', httpStatus: 500, isRetryable: true });
    expect(await failureFor('/large')).toMatchObject({ reason: 'too-large', message: 'Response body exceeds the limit of 1000 bytes' });
    const closed = await startTestSite({});
    await closed.close();
    expect(await fetchPage(`${closed.url}/`, { fetch: closed.guardedFetch() })).toMatchObject({
      failure: { reason: 'unreachable', message: 'The site could not be reached (ECONNREFUSED)', isRetryable: true },
    });
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    const controller = new AbortController();
    controller.abort(new Error('job cancelled'));
    const attempt = fetchPage(`${site.url}/`, { fetch: site.guardedFetch(), signal: controller.signal });
    await expect(attempt).rejects.toThrow('job cancelled');
  });
});
