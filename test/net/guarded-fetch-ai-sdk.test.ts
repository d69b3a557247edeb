import type { ServerResponse } from 'node:http';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { streamText } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch } from '../../src/net/guarded-fetch.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

function sendChunk(response: ServerResponse, delta: object, finishReason: string | null = null): void {
  const choices = [{ index: 0, delta, finish_reason: finishReason }];
  const chunk = { id: 'chat-1', object: 'chat.completion.chunk', created: 0, model: 'local', choices };
  response.write(`data: ${JSON.stringify(chunk)}\n\n`);
}

describe('guarded fetch as an AI SDK provider fetch', () => {
  let server: LoopbackServer;
  let finishAnswer: () => void = () => undefined;
  beforeAll(async () => {
    server = await startLoopbackServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      sendChunk(response, { role: 'assistant', content: 'Hello' });
      finishAnswer = () => {
        sendChunk(response, { content: ', world' }, 'stop');
        response.end('data: [DONE]\n\n');
      };
    });
  });
  afterAll(() => server.close());

  it('streams a chat completion from an allowed local provider delta by delta', async () => {
    const provider = createOpenAICompatible({
      name: 'local',
      baseURL: `${server.url}/v1`,
      fetch: createGuardedFetch({ allowedPrivateHosts: [`127.0.0.1:${server.port}`] }),
    });
    const result = streamText({ model: provider('local'), prompt: 'Say hello' });
    const deltas = result.textStream[Symbol.asyncIterator]();
    expect(await deltas.next()).toEqual({ done: false, value: 'Hello' });
    finishAnswer();
    expect(await deltas.next()).toEqual({ done: false, value: ', world' });
    expect(await deltas.next()).toEqual({ done: true, value: undefined });
  });

  it('refuses a provider base URL on a private address that is not allowed', async () => {
    const provider = createOpenAICompatible({
      name: 'local',
      baseURL: `${server.url}/v1`,
      fetch: createGuardedFetch({ allowedPrivateHosts: [] }),
    });
    const errors: unknown[] = [];
    const onError = ({ error }: { error: unknown }) => void errors.push(error);
    const result = streamText({ model: provider('local'), prompt: 'Say hello', onError });
    await result.consumeStream();
    expect(errors).toEqual([expect.objectContaining({ name: 'BlockedDestinationError' })]);
  });
});
