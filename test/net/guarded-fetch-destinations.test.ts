import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlockedDestinationError } from '../../src/net/errors.js';
import { createGuardedFetch } from '../../src/net/guarded-fetch.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

describe('guarded fetch destinations', () => {
  let server: LoopbackServer;
  let otherServer: LoopbackServer;
  let ipv6Server: LoopbackServer;
  beforeAll(async () => {
    const answer = (_request: unknown, response: { end(body: string): void }) => response.end('hello');
    server = await startLoopbackServer(answer);
    otherServer = await startLoopbackServer(answer);
    ipv6Server = await startLoopbackServer(answer, '::1');
  });
  afterAll(async () => {
    await Promise.all([server.close(), otherServer.close(), ipv6Server.close()]);
  });

  const refusal = (reason: BlockedDestinationError['reason']) =>
    expect.objectContaining({ name: 'BlockedDestinationError', code: 'BLOCKED_DESTINATION', reason });

  it('refuses loopback by default, before connecting', async () => {
    const guardedFetch = createGuardedFetch({ allowedPrivateHosts: [] });
    const connectionsBefore = server.connections();
    const attempt = guardedFetch(`${server.url}/`);
    await expect(attempt).rejects.toBeInstanceOf(BlockedDestinationError);
    await expect(attempt).rejects.toThrow('127.0.0.1 (loopback) is not a public address');
    expect(server.connections()).toBe(connectionsBefore);
  });

  it('reaches an allowed host:port and refuses the same host on another port', async () => {
    const guardedFetch = createGuardedFetch({ allowedPrivateHosts: [`127.0.0.1:${server.port}`] });
    const response = await guardedFetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello');
    const connectionsBefore = otherServer.connections();
    await expect(guardedFetch(`${otherServer.url}/`)).rejects.toEqual(refusal('non-public-address'));
    expect(otherServer.connections()).toBe(connectionsBefore);
  });

  it('allows every port of a host listed without one', async () => {
    const guardedFetch = createGuardedFetch({ allowedPrivateHosts: ['127.0.0.1'] });
    expect((await guardedFetch(`${server.url}/`)).status).toBe(200);
    expect((await guardedFetch(`${otherServer.url}/`)).status).toBe(200);
  });

  it('refuses a name that resolves to loopback unless that name is allowed', async () => {
    const url = `http://localhost:${server.port}/`;
    const attempt = createGuardedFetch({ allowedPrivateHosts: [] })(url);
    await expect(attempt).rejects.toEqual(refusal('non-public-address'));
    await expect(attempt).rejects.toThrow(/^localhost resolves to 127\.0\.0\.1 \(loopback\)/);
    const allowed = createGuardedFetch({ allowedPrivateHosts: [`localhost:${server.port}`] });
    expect(await (await allowed(url)).text()).toBe('hello');
    const allowedByAddress = createGuardedFetch({ allowedPrivateHosts: [`127.0.0.1:${server.port}`] });
    await expect(allowedByAddress(url)).rejects.toEqual(refusal('non-public-address'));
  });

  it('checks the addresses a name resolves to for https connections too', async () => {
    const attempt = createGuardedFetch({ allowedPrivateHosts: [] })(`https://localhost:${server.port}/`);
    await expect(attempt).rejects.toThrow(/^localhost resolves to 127\.0\.0\.1 \(loopback\)/);
    await expect(createGuardedFetch({ allowedPrivateHosts: [] })('https://127.0.0.1/')).rejects.toEqual(
      refusal('non-public-address'),
    );
  });

  it('refuses IPv6 loopback unless [::1]:port is allowed', async () => {
    await expect(createGuardedFetch({ allowedPrivateHosts: [] })(`${ipv6Server.url}/`)).rejects.toEqual(
      refusal('non-public-address'),
    );
    const allowed = createGuardedFetch({ allowedPrivateHosts: [`[::1]:${ipv6Server.port}`] });
    expect(await (await allowed(`${ipv6Server.url}/`)).text()).toBe('hello');
  });

  it.each([
    ['decimal', (port: number) => `http://2130706433:${port}/`],
    ['octal', (port: number) => `http://0177.0.0.1:${port}/`],
    ['hex', (port: number) => `http://0x7f.1:${port}/`],
    ['hex dword', (port: number) => `http://0x7f000001:${port}/`],
    ['short', (port: number) => `http://127.1:${port}/`],
    ['all-zero', (port: number) => `http://0:${port}/`],
    ['IPv4-mapped IPv6', (port: number) => `http://[::ffff:127.0.0.1]:${port}/`],
    ['IPv4-mapped IPv6 in hex', (port: number) => `http://[::ffff:7f00:1]:${port}/`],
    ['IPv4-compatible IPv6', (port: number) => `http://[::127.0.0.1]:${port}/`],
    ['NAT64 IPv6', (port: number) => `http://[64:ff9b::127.0.0.1]:${port}/`],
  ])('refuses a %s spelling of loopback', async (_spelling, spell) => {
    const guardedFetch = createGuardedFetch({ allowedPrivateHosts: [] });
    const connectionsBefore = server.connections();
    await expect(guardedFetch(spell(server.port))).rejects.toEqual(refusal('non-public-address'));
    expect(server.connections()).toBe(connectionsBefore);
  });

  it.each(['http://169.254.169.254/latest/meta-data/', 'http://[fd00:ec2::254]/', 'http://10.0.0.1/', 'http://100.100.100.200/'])(
    'refuses %s without touching the network',
    async (url) => {
      await expect(createGuardedFetch({ allowedPrivateHosts: [] })(url)).rejects.toEqual(refusal('non-public-address'));
    },
  );

  it('refuses credentials in the URL, even for an allowed host', async () => {
    const guardedFetch = createGuardedFetch({ allowedPrivateHosts: ['127.0.0.1'] });
    await expect(guardedFetch(`http://user:pass@127.0.0.1:${server.port}/`)).rejects.toEqual(refusal('credentials-in-url'));
    await expect(guardedFetch(`http://user@127.0.0.1:${server.port}/`)).rejects.toEqual(refusal('credentials-in-url'));
  });

  it.each(['ftp://127.0.0.1/file', 'file:///etc/passwd', 'data:text/plain,hello', 'gopher://127.0.0.1:70/'])(
    'refuses the scheme of %s',
    async (url) => {
      const guardedFetch = createGuardedFetch({ allowedPrivateHosts: ['127.0.0.1'] });
      await expect(guardedFetch(url)).rejects.toEqual(refusal('unsupported-protocol'));
    },
  );

  it('checks a Request object like a URL', async () => {
    const guardedFetch = createGuardedFetch({ allowedPrivateHosts: [] });
    await expect(guardedFetch(new Request(`${server.url}/`))).rejects.toEqual(refusal('non-public-address'));
  });
});
