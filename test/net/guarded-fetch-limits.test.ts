import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch } from '../../src/net/guarded-fetch.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

const kibibyte = 'x'.repeat(1024);

describe('guarded fetch limits', () => {
  let server: LoopbackServer;
  let releaseStream: () => void = () => undefined;
  let guardedFetch: typeof fetch;
  let impatientFetch: typeof fetch;
  beforeAll(async () => {
    server = await startLoopbackServer((request: IncomingMessage, response: ServerResponse) => {
      switch (request.url) {
        case '/declared-large':
          return void response.setHeader('content-length', 2048).end(kibibyte + kibibyte);
        case '/streamed-large':
          response.write(kibibyte);
          return void setTimeout(() => response.end(kibibyte), 20);
        case '/exactly-limit':
          return void response.end(kibibyte);
        case '/no-content':
          return void response.writeHead(204).end();
        case '/silent':
          return;
        case '/stalls-mid-body':
          return void response.writeHead(200).write('partial');
        case '/events':
          response.writeHead(200, { 'content-type': 'text/event-stream' });
          response.write('data: first\n\n');
          releaseStream = () => response.end('data: second\n\n');
          return;
      }
    });
    const allowedPrivateHosts = [`127.0.0.1:${server.port}`];
    guardedFetch = createGuardedFetch({ allowedPrivateHosts, maxResponseBytes: 1024 });
    impatientFetch = createGuardedFetch({ allowedPrivateHosts, timeoutMs: 200 });
  });
  afterAll(() => server.close());

  const tooLarge = expect.objectContaining({ name: 'ResponseTooLargeError', code: 'RESPONSE_TOO_LARGE' });
  const timedOut = expect.objectContaining({ name: 'RequestTimeoutError', code: 'REQUEST_TIMEOUT', isRetryable: true });

  it('refuses a response that declares a body over the limit', async () => {
    await expect(guardedFetch(`${server.url}/declared-large`)).rejects.toEqual(tooLarge);
  });

  it('errors a streamed body once it grows over the limit', async () => {
    const response = await guardedFetch(`${server.url}/streamed-large`);
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toEqual(tooLarge);
  });

  it('accepts a body of exactly the limit, and a response without body', async () => {
    expect(await (await guardedFetch(`${server.url}/exactly-limit`)).text()).toBe(kibibyte);
    const noContent = await guardedFetch(`${server.url}/no-content`);
    expect(noContent.status).toBe(204);
    expect(noContent.body).toBeNull();
  });

  it('times out a server that never answers', async () => {
    await expect(impatientFetch(`${server.url}/silent`)).rejects.toEqual(timedOut);
  });

  it('times out a body that stops arriving', async () => {
    const response = await impatientFetch(`${server.url}/stalls-mid-body`);
    await expect(response.text()).rejects.toEqual(timedOut);
  });

  it("rejects with the caller's reason when the caller aborts first", async () => {
    const controller = new AbortController();
    const attempt = guardedFetch(`${server.url}/silent`, { signal: controller.signal });
    controller.abort(new Error('user went away'));
    await expect(attempt).rejects.toThrow('user went away');
  });

  it('passes a server-sent event stream through chunk by chunk', async () => {
    const response = await guardedFetch(`${server.url}/events`);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect(await reader.read()).toEqual({ done: false, value: 'data: first\n\n' });
    releaseStream();
    expect(await reader.read()).toEqual({ done: false, value: 'data: second\n\n' });
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });
});
