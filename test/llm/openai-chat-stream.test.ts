import { generateText, jsonSchema, tool } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { streamChatTurn } from '../../src/llm/chat-stream.js';
import { collectChatTurn } from '../../src/llm/collect-chat-turn.js';
import { createLanguageModel } from '../../src/llm/create-language-model.js';
import { startOpenAiWireServer, type OpenAiWireServer } from '../helpers/openai-wire-server.js';
import { collectEvents, lastEvent, textOf } from './collect-events.js';

const apiKey = 'sk-wire-test';
let server: OpenAiWireServer;

beforeAll(async () => {
  server = await startOpenAiWireServer({ apiKey });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function compatibleModel(key = apiKey) {
  return createLanguageModel({ type: 'openai-compatible', apiEndpoint: server.baseUrl, apiKey: key }, 'llama3.1');
}

const question = [{ role: 'user' as const, content: 'What are your opening hours?' }];

describe('streamChatTurn against an OpenAI chat-completions server', () => {
  it('streams text deltas and finishes with the usage the server reported', async () => {
    server.script({ kind: 'reply', text: 'We are open from nine to five on weekdays.' });

    const events = await collectEvents(
      streamChatTurn({ model: compatibleModel(), system: 'You answer briefly.', messages: question, temperature: 0.2, maxOutputTokens: 200 }),
    );

    expect(textOf(events)).toBe('We are open from nine to five on weekdays.');
    expect(events.filter((event) => event.type === 'text-delta').length).toBeGreaterThan(1);
    const finish = lastEvent(events);
    expect(finish).toMatchObject({ type: 'finish', finishReason: 'stop', usage: { estimated: false } });
    if (finish?.type !== 'finish') throw new Error('expected a finish event');
    expect(finish.usage.outputTokens).toBeGreaterThan(0);
    expect(finish.usage.totalTokens).toBe(finish.usage.inputTokens + finish.usage.outputTokens);

    const [request] = server.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(request?.body).toMatchObject({
      model: 'llama3.1',
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.2,
      max_tokens: 200,
      messages: [
        { role: 'system', content: 'You answer briefly.' },
        { role: 'user', content: 'What are your opening hours?' },
      ],
    });
  });

  it('estimates usage locally when the server reports none', async () => {
    server.script({ kind: 'reply', text: 'No usage from this server.', omitUsage: true });
    const result = await collectChatTurn({ model: compatibleModel(), messages: question });
    expect(result.text).toBe('No usage from this server.');
    expect(result.usage).toMatchObject({ estimated: true });
    expect(result.usage?.inputTokens).toBeGreaterThan(0);
    expect(result.usage?.outputTokens).toBeGreaterThan(0);
  });

  it('drives the openai provider through chat completions, not the Responses API', async () => {
    server.script({ kind: 'reply', text: 'Chat completions it is.' });
    const model = createLanguageModel({ type: 'openai', apiEndpoint: server.baseUrl, apiKey }, 'gpt-4o-mini');
    const result = await collectChatTurn({ model, messages: question });
    expect(result.text).toBe('Chat completions it is.');
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/chat/completions']);
  });

  it('parses streamed tool calls into tool-call events', async () => {
    server.script({ kind: 'reply', toolCalls: [{ id: 'call_1', name: 'lookupOrder', arguments: '{"orderId":"A-1001","includeItems":true}' }] });
    const lookupOrder = tool({
      description: 'Finds an order by its number',
      inputSchema: jsonSchema<{ orderId: string; includeItems: boolean }>({
        type: 'object',
        properties: { orderId: { type: 'string' }, includeItems: { type: 'boolean' } },
        required: ['orderId'],
      }),
    });

    const result = await collectChatTurn({ model: compatibleModel(), messages: question, tools: { lookupOrder } });

    expect(result.toolCalls).toEqual([
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'lookupOrder', input: { orderId: 'A-1001', includeItems: true } },
    ]);
    expect(result.finishReason).toBe('tool-calls');
    expect(server.requests[0]?.body.tools?.[0]).toMatchObject({ type: 'function', function: { name: 'lookupOrder' } });
  });

  it('answers non-streamed requests with text, tool calls and usage', async () => {
    server.script(
      { kind: 'reply', text: 'A complete answer in one piece.' },
      { kind: 'reply', toolCalls: [{ id: 'call_2', name: 'lookupOrder', arguments: '{"orderId":"B-7"}' }] },
    );
    const model = compatibleModel();

    const text = await generateText({ model, prompt: 'Say something.' });
    const toolCall = await generateText({
      model,
      prompt: 'Find order B-7.',
      tools: { lookupOrder: tool({ inputSchema: jsonSchema<{ orderId: string }>({ type: 'object', properties: { orderId: { type: 'string' } } }) }) },
    });

    expect(text.text).toBe('A complete answer in one piece.');
    expect(text.usage.outputTokens).toBeGreaterThan(0);
    expect(toolCall.toolCalls).toMatchObject([{ toolCallId: 'call_2', toolName: 'lookupOrder', input: { orderId: 'B-7' } }]);
    expect(server.requests.map((request) => request.body.stream ?? false)).toEqual([false, false]);
  });
});

describe('streamChatTurn when the upstream misbehaves', () => {
  it('retries a 429 after the retry-after the server asked for', async () => {
    server.script({ kind: 'fail', status: 429, retryAfter: '1' }, { kind: 'reply', text: 'Worth the wait.' });
    const started = performance.now();

    const result = await collectChatTurn({ model: compatibleModel(), messages: question, maxRetries: 2 });

    expect(performance.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(result.text).toBe('Worth the wait.');
    expect(result.error).toBeUndefined();
    expect(server.requests).toHaveLength(2);
  });

  it('ends with UPSTREAM_RATE_LIMITED when retries are used up', async () => {
    server.script({ kind: 'fail', status: 429, retryAfter: '0' }, { kind: 'fail', status: 429, retryAfter: '0' });
    const events = await collectEvents(streamChatTurn({ model: compatibleModel(), messages: question, maxRetries: 1 }));
    expect(events).toEqual([expect.objectContaining({ type: 'error', code: 'UPSTREAM_RATE_LIMITED', retryable: true, statusCode: 429 })]);
    expect(server.requests).toHaveLength(2);
  });

  it('ends a persistent 500 with UPSTREAM_ERROR after retrying', async () => {
    server.script({ kind: 'fail', status: 500 }, { kind: 'fail', status: 500 });
    const events = await collectEvents(streamChatTurn({ model: compatibleModel(), messages: question, maxRetries: 1 }));
    expect(events).toEqual([{ type: 'error', code: 'UPSTREAM_ERROR', message: 'The model provider failed (500)', retryable: true, statusCode: 500 }]);
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry refused credentials', async () => {
    const events = await collectEvents(streamChatTurn({ model: compatibleModel('sk-wrong'), messages: question, maxRetries: 2 }));
    expect(events).toEqual([expect.objectContaining({ type: 'error', code: 'UPSTREAM_AUTHENTICATION_FAILED', retryable: false })]);
    expect(server.requests).toHaveLength(1);
  });

  it('times out an upstream that never answers', async () => {
    server.script({ kind: 'hang' });
    const started = performance.now();

    const events = await collectEvents(streamChatTurn({ model: compatibleModel(), messages: question, firstTokenTimeoutMs: 300 }));

    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(2_000);
    expect(events).toEqual([expect.objectContaining({ type: 'error', code: 'UPSTREAM_TIMEOUT', retryable: true })]);
    await server.waitForDisconnects(1);
  });

  it('times out a stream that stalls after its first tokens, keeping what arrived', async () => {
    server.script({ kind: 'reply', text: 'This answer stops halfway through', stallAfterChunks: 3 });
    const events = await collectEvents(streamChatTurn({ model: compatibleModel(), messages: question, idleTimeoutMs: 300 }));
    expect(textOf(events)).toBe('This answer ');
    expect(lastEvent(events)).toMatchObject({ type: 'error', code: 'UPSTREAM_TIMEOUT' });
  });

  it('closes the upstream connection as soon as the client aborts', async () => {
    server.script({ kind: 'reply', text: 'A long answer the client will not wait for', stallAfterChunks: 2 });
    const disconnected = server.waitForDisconnects(1);
    const client = new AbortController();
    const events = [];

    for await (const event of streamChatTurn({ model: compatibleModel(), messages: question, abortSignal: client.signal })) {
      events.push(event);
      if (event.type === 'text-delta') client.abort();
    }

    expect(lastEvent(events)).toMatchObject({ type: 'error', code: 'ABORTED', retryable: false });
    await expect(withDeadline(disconnected, 1_000)).resolves.toBe('settled');
  });

  it('closes the upstream connection when the consumer stops reading', async () => {
    server.script({ kind: 'reply', text: 'Nobody reads the rest of this', stallAfterChunks: 2 });
    const disconnected = server.waitForDisconnects(1);

    for await (const event of streamChatTurn({ model: compatibleModel(), messages: question })) {
      if (event.type === 'text-delta') break;
    }

    await expect(withDeadline(disconnected, 1_000)).resolves.toBe('settled');
  });
});

function withDeadline(promise: Promise<void>, milliseconds: number): Promise<'settled' | 'deadline'> {
  return Promise.race([
    promise.then(() => 'settled' as const),
    new Promise<'deadline'>((resolve) => setTimeout(() => resolve('deadline'), milliseconds)),
  ]);
}
