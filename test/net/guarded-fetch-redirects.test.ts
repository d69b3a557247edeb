import type { IncomingMessage, ServerResponse } from 'node:http';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch } from '../../src/net/guarded-fetch.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

/** `/echo` describes the request; `/redirect?status&location` redirects; `/hops/n` redirects n times. */
async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://placeholder');
  if (url.pathname === '/echo') {
    const echo = { method: request.method, headers: request.headers, body: await text(request) };
    return void response.setHeader('content-type', 'application/json').end(JSON.stringify(echo));
  }
  if (url.pathname === '/redirect') {
    response.writeHead(Number(url.searchParams.get('status') ?? 302), { location: url.searchParams.get('location') ?? '/' });
    return void response.end();
  }
  const hops = Number(url.pathname.replace('/hops/', ''));
  if (hops === 0) return void response.end('arrived');
  response.writeHead(302, { location: `/hops/${hops - 1}` }).end();
}

interface Echo {
  method: string;
  headers: Record<string, string | undefined>;
  body: string;
}

const echoed = async (response: Promise<Response>) => (await (await response).json()) as Echo;

describe('guarded fetch redirects', () => {
  let first: LoopbackServer;
  let second: LoopbackServer;
  let forbidden: LoopbackServer;
  let guardedFetch: typeof fetch;
  beforeAll(async () => {
    [first, second, forbidden] = await Promise.all([
      startLoopbackServer(route),
      startLoopbackServer(route),
      startLoopbackServer(route),
    ]);
    guardedFetch = createGuardedFetch({
      allowedPrivateHosts: [`127.0.0.1:${first.port}`, `127.0.0.1:${second.port}`],
      maxRedirects: 3,
    });
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close(), forbidden.close()]);
  });

  const redirectTo = (location: string, status = 302) =>
    `${first.url}/redirect?status=${status}&location=${encodeURIComponent(location)}`;

  it('follows a redirect between allowed hosts and reports the final URL', async () => {
    const response = await guardedFetch(redirectTo(`${second.url}/hops/0`));
    expect(await response.text()).toBe('arrived');
    expect(response.url).toBe(`${second.url}/hops/0`);
    expect(response.redirected).toBe(true);
  });

  it('refuses a redirect to a loopback port that is not allowed, without connecting to it', async () => {
    await expect(guardedFetch(redirectTo(`${forbidden.url}/echo`))).rejects.toMatchObject({
      name: 'BlockedDestinationError',
      reason: 'non-public-address',
    });
    expect(forbidden.connections()).toBe(0);
  });

  it.each([
    ['the cloud metadata endpoint', 'http://169.254.169.254/latest/meta-data/', 'non-public-address'],
    ['an IPv4-mapped loopback address', 'http://[::ffff:127.0.0.1]/', 'non-public-address'],
    ['a file URL', 'file:///etc/passwd', 'unsupported-protocol'],
    ['a URL with credentials', 'http://admin:admin@example.com/', 'credentials-in-url'],
  ])('refuses a redirect to %s', async (_target, location, reason) => {
    await expect(guardedFetch(redirectTo(location))).rejects.toMatchObject({ name: 'BlockedDestinationError', reason });
  });

  it('follows up to maxRedirects hops and refuses one more', async () => {
    expect(await (await guardedFetch(`${first.url}/hops/3`)).text()).toBe('arrived');
    await expect(guardedFetch(`${first.url}/hops/4`)).rejects.toMatchObject({
      name: 'TooManyRedirectsError',
      code: 'TOO_MANY_REDIRECTS',
      maxRedirects: 3,
    });
  });

  it('turns a POST into a GET without body on 303, and resends it on 307', async () => {
    const post = { method: 'POST', body: '{"ping":1}', headers: { 'content-type': 'application/json' } };
    const afterSeeOther = await echoed(guardedFetch(redirectTo('/echo', 303), post));
    expect(afterSeeOther).toMatchObject({ method: 'GET', body: '' });
    expect(afterSeeOther.headers['content-type']).toBeUndefined();
    const afterTemporary = await echoed(guardedFetch(redirectTo('/echo', 307), post));
    expect(afterTemporary).toMatchObject({ method: 'POST', body: '{"ping":1}' });
    expect(afterTemporary.headers['content-type']).toBe('application/json');
  });

  it('keeps credentials on the same origin and drops them for another origin', async () => {
    const headers = { authorization: 'Bearer secret', cookie: 'session=secret', 'x-trace': 'kept' };
    const sameOrigin = await echoed(guardedFetch(redirectTo('/echo'), { headers }));
    expect(sameOrigin.headers).toMatchObject(headers);
    const otherOrigin = await echoed(guardedFetch(redirectTo(`${second.url}/echo`), { headers }));
    expect(otherOrigin.headers).toMatchObject({ 'x-trace': 'kept' });
    expect(otherOrigin.headers.authorization).toBeUndefined();
    expect(otherOrigin.headers.cookie).toBeUndefined();
  });

  it('returns the redirect itself for redirect: manual and rejects for redirect: error', async () => {
    const manual = await guardedFetch(redirectTo(`${forbidden.url}/echo`), { redirect: 'manual' });
    expect(manual.status).toBe(302);
    expect(manual.headers.get('location')).toBe(`${forbidden.url}/echo`);
    await expect(guardedFetch(redirectTo(`${second.url}/echo`), { redirect: 'error' })).rejects.toThrow(TypeError);
  });

  it('sends a default User-Agent unless the caller sets one', async () => {
    const defaulted = await echoed(guardedFetch(`${first.url}/echo`));
    expect(defaulted.headers['user-agent']).toMatch(/^Docent\//);
    const custom = await echoed(guardedFetch(`${first.url}/echo`, { headers: { 'user-agent': 'crawler' } }));
    expect(custom.headers['user-agent']).toBe('crawler');
  });
});
