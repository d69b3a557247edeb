import { generateText } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { streamChatTurn } from '../../src/llm/chat-stream.js';
import { collectChatTurn } from '../../src/llm/collect-chat-turn.js';
import { createLanguageModel } from '../../src/llm/create-language-model.js';
import { startAnthropicWireServer, type AnthropicWireServer } from '../helpers/anthropic-wire-server.js';
import { collectEvents, lastEvent, textOf } from './collect-events.js';

const apiKey = 'sk-ant-wire-test';
let server: AnthropicWireServer;

beforeAll(async () => {
  server = await startAnthropicWireServer({ apiKey });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const model = () => createLanguageModel({ type: 'anthropic', apiEndpoint: server.baseUrl, apiKey }, 'claude-sonnet-4-5');

describe('streamChatTurn against an Anthropic Messages server', () => {
  it('streams text from content_block_delta events with usage from message_start and message_delta', async () => {
    server.script({ kind: 'reply', text: 'Returns are accepted within thirty days.' });

    const events = await collectEvents(
      streamChatTurn({ model: model(), system: 'Answer from the policy.', messages: [{ role: 'user', content: 'Can I return a tent?' }], maxOutputTokens: 300 }),
    );

    expect(textOf(events)).toBe('Returns are accepted within thirty days.');
    expect(lastEvent(events)).toMatchObject({ type: 'finish', finishReason: 'stop', usage: { estimated: false } });
    const [request] = server.requests;
    expect(request?.path).toBe('/v1/messages');
    expect(request?.headers['x-api-key']).toBe(apiKey);
    expect(request?.headers['anthropic-version']).toBe('2023-06-01');
    expect(request?.body).toMatchObject({
      model: 'claude-sonnet-4-5',
      stream: true,
      max_tokens: 300,
      system: [{ type: 'text', text: 'Answer from the policy.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Can I return a tent?' }] }],
    });
  });

  it('reports output tokens from message_delta', async () => {
    server.script({ kind: 'reply', text: 'Five short words right here.' });
    const result = await collectChatTurn({ model: model(), messages: [{ role: 'user', content: 'Hello?' }] });
    expect(result.usage?.outputTokens).toBe(6);
    expect(result.usage?.inputTokens).toBeGreaterThan(0);
  });

  it('answers non-streamed requests', async () => {
    server.script({ kind: 'reply', text: 'One message, not a stream.' });
    const result = await generateText({ model: model(), prompt: 'Hi' });
    expect(result.text).toBe('One message, not a stream.');
    expect(server.requests[0]?.body.stream).toBeUndefined();
  });

  it('retries a rate-limited request and times out a hung one', async () => {
    server.script({ kind: 'fail', status: 429, retryAfter: '0' }, { kind: 'reply', text: 'Second time lucky.' }, { kind: 'hang' });
    const retried = await collectChatTurn({ model: model(), messages: [{ role: 'user', content: 'Hi' }] });
    const hung = await collectChatTurn({ model: model(), messages: [{ role: 'user', content: 'Hi' }], firstTokenTimeoutMs: 250 });

    expect(retried.text).toBe('Second time lucky.');
    expect(hung.error).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(server.requests).toHaveLength(3);
  });

  it('closes the upstream connection when the client aborts mid-stream', async () => {
    server.script({ kind: 'reply', text: 'This stream stalls after its first words', stallAfterEvents: 5 });
    const disconnected = server.waitForDisconnects(1);
    const client = new AbortController();

    const events = [];
    for await (const event of streamChatTurn({ model: model(), messages: [{ role: 'user', content: 'Hi' }], abortSignal: client.signal })) {
      events.push(event);
      if (event.type === 'text-delta') client.abort();
    }

    expect(lastEvent(events)).toMatchObject({ type: 'error', code: 'ABORTED' });
    await disconnected;
  });
});
