import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiWireServer, type OpenAiWireServer } from '../helpers/openai-wire-server.js';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { listen, parseSse, postJson, textOf } from './conversation-client.js';

const userKey = 'sk-conversation-user-key-0123456789';
const answer = 'We are open from nine to five on weekdays and closed on public holidays.';

describe.each(backends)('conversations through an OpenAI-compatible provider on %s', (backend) => {
  let upstream: OpenAiWireServer;
  /** An upstream of its own for the tests that count the connections a client closed. */
  let stalling: OpenAiWireServer;
  let stallingChatbotId: string;
  /** Connections the stalling upstream has seen closed so far. */
  let stallingDisconnects = 0;
  let t: TestApp;
  let token: string;
  let chatbotId: string;
  let baseUrl: string;

  const sendUrl = () => `${baseUrl}/chatbots/${chatbotId}/conversation`;
  const send = (body: object, headers?: Record<string, string>) =>
    t.request('POST', `/api/v1/chatbots/${chatbotId}/conversation`, { token, body, ...(headers && { headers }) });
  const messagesOf = async (conversationId: string) =>
    (await t.request('GET', `/api/v1/conversations/${conversationId}`, { token })).body.data.messages as Record<string, any>[];

  /** A provider on `server` with the user's key, and a chatbot answering through it. */
  const chatbotOn = async (server: OpenAiWireServer): Promise<string> => {
    const provider = await t.request('POST', '/api/v1/llm-providers', {
      token,
      body: { name: 'Loopback', type: 'openai-compatible', apiEndpoint: server.baseUrl },
    });
    const providerId = provider.body.data.llmProvider.id;
    const saved = await t.request('POST', '/api/v1/llm-configs', { token, body: { providerId, apiKey: userKey } });
    expect(saved.status, saved.text).toBe(201);
    const chatbot = await t.request('POST', '/api/v1/chatbots', {
      token,
      body: {
        name: 'Hours',
        instructions: 'Answer briefly.',
        model: { providerId, name: 'llama3.1', temperature: 0.3, maxTokens: 300 },
      },
    });
    return chatbot.body.data.chatbot.id;
  };

  beforeAll(async () => {
    upstream = await startOpenAiWireServer({ apiKey: userKey, defaultText: answer });
    stalling = await startOpenAiWireServer({ apiKey: userKey, defaultText: answer });
    const hosts = [upstream, stalling].map((server) => `127.0.0.1:${new URL(server.baseUrl).port}`);
    t = await createTestApp(backend, { ALLOWED_PRIVATE_HOSTS: hosts.join(',') });
    Object.assign(t.app.services.chatTurns.limits, { firstTokenTimeoutMs: 400, idleTimeoutMs: 3_000 });
    token = (await t.signUp('alice')).accessToken;
    chatbotId = await chatbotOn(upstream);
    stallingChatbotId = await chatbotOn(stalling);
    baseUrl = await listen(t);
  });
  beforeEach(() => {
    upstream.requests.length = 0;
  });
  afterAll(async () => {
    // Keep-alive sockets of the fetches these tests abort would otherwise hold the close open.
    t.app.server.closeAllConnections();
    await Promise.all([t.close(), upstream.close(), stalling.close()]);
  });

  it("streams the answer with the user's own key and stores usage, finish reason and latency", async () => {
    const response = await postJson(sendUrl(), token, { message: 'When are you open?', stream: 'sse' });
    const events = parseSse(await response.text());
    expect(textOf(events)).toBe(answer);
    expect(events.filter((event) => event.type === 'text-delta').length).toBeGreaterThan(1);
    const finish = events.at(-1);
    expect(finish).toMatchObject({ type: 'finish', finishReason: 'stop', usage: { estimated: false } });

    const [request] = upstream.requests;
    expect(request?.headers.authorization).toBe(`Bearer ${userKey}`);
    expect(request?.body).toMatchObject({ model: 'llama3.1', temperature: 0.3, max_tokens: 300, stream: true });
    expect(request?.body.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('Answer briefly.') });
    expect(request?.body.messages.slice(1)).toEqual([{ role: 'user', content: 'When are you open?' }]);

    const [, stored] = await messagesOf(events[0]!.conversationId);
    expect(stored).toMatchObject({
      status: 'complete',
      content: answer,
      model: { name: 'llama3.1', providerType: 'openai-compatible' },
      finishReason: 'stop',
      usage: finish!.usage,
      latency: { firstTokenMs: expect.any(Number), totalMs: expect.any(Number) },
    });
  });

  it('sends the model only the branch it answers', async () => {
    const first = (await send({ message: 'First question' })).body.data;
    await send({ conversationId: first.conversationId, message: 'Abandoned follow-up' });
    upstream.requests.length = 0;
    await send({ conversationId: first.conversationId, parentId: first.message.id, message: 'Edited follow-up' });
    expect(upstream.requests[0]?.body.messages.slice(1)).toEqual([
      { role: 'user', content: 'First question' },
      { role: 'assistant', content: answer },
      { role: 'user', content: 'Edited follow-up' },
    ]);
  });

  it('retries a rate-limited upstream and answers', async () => {
    upstream.script({ kind: 'fail', status: 429, retryAfter: '0' }, { kind: 'reply', text: 'Second time lucky.' });
    const response = await send({ message: 'Busy?' });
    expect(response.status, response.text).toBe(200);
    expect(response.body.data.message.content).toBe('Second time lucky.');
    expect(upstream.requests).toHaveLength(2);
  });

  it('ends a stream whose upstream hangs with an UPSTREAM_TIMEOUT error and stores the failure', async () => {
    upstream.script({ kind: 'hang' });
    const response = await postJson(sendUrl(), token, { message: 'Anyone there?', stream: true });
    const events = parseSse(await response.text());
    expect(events.map((event) => event.type)).toEqual(['message-start', 'error']);
    expect(events[1]).toMatchObject({ code: 'UPSTREAM_TIMEOUT', retryable: true, messageId: events[0]!.assistantMessageId });
    const [question, failed] = await messagesOf(events[0]!.conversationId);
    expect(question).toMatchObject({ role: 'user', content: 'Anyone there?', status: 'complete' });
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'UPSTREAM_TIMEOUT' }, finishReason: 'error', completedAt: expect.any(String) });
    await upstream.waitForDisconnects(1);
  });

  // A hang is not retried (the timeout ends the turn); failures are, twice.
  it.each([
    { failure: 'a hang', steps: [{ kind: 'hang' }], status: 504, code: 'UPSTREAM_TIMEOUT' },
    { failure: 'repeated 500s', steps: Array(3).fill({ kind: 'fail', status: 500, retryAfter: '0' }), status: 502, code: 'UPSTREAM_ERROR' },
    {
      failure: 'repeated 429s',
      steps: Array(3).fill({ kind: 'fail', status: 429, retryAfter: '0' }),
      status: 502,
      code: 'UPSTREAM_RATE_LIMITED',
    },
  ] as const)('answers a JSON send failed by $failure with $status and $code, storing the failed answer', async ({ steps, status, code }) => {
    upstream.script(...steps);
    const response = await send({ message: 'Will this work?' });
    expect(response.status).toBe(status);
    expect(response.body).toEqual({ status: 'error', code, message: expect.any(String) });
    const list = await t.request('GET', `/api/v1/chatbots/${chatbotId}/conversations?limit=1`, { token });
    const [, failed] = await messagesOf(list.body.data[0].id);
    expect(failed).toMatchObject({ status: 'failed', error: { code } });
  });

  it('stops the upstream call when the client disconnects and keeps the partial answer as incomplete', async () => {
    stalling.script({ kind: 'reply', text: 'One two three four five six seven eight', stallAfterChunks: 4 });
    const client = new AbortController();
    const response = await postJson(`${baseUrl}/chatbots/${stallingChatbotId}/conversation`, token, { message: 'Count for me', stream: 'ndjson' }, {}, client.signal);
    const reader = response.body!.getReader();
    let received = '';
    while (!received.includes('"text-delta"')) {
      const chunk = await reader.read();
      received += new TextDecoder().decode(chunk.value);
    }
    const start = JSON.parse(received.split('\n')[0]!);
    client.abort();
    await stalling.waitForDisconnects(++stallingDisconnects);

    let stored: Record<string, any> | undefined;
    for (let attempt = 0; attempt < 50 && !stored?.completedAt; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      stored = (await messagesOf(start.conversationId)).find((message) => message.id === start.assistantMessageId);
    }
    expect(stored).toMatchObject({ status: 'incomplete', error: { code: 'ABORTED' }, completedAt: expect.any(String) });
    expect(stored?.content).toMatch(/^One two three/);
    expect(stored?.content).not.toContain('eight');
  });

  describe('Idempotency-Key', () => {
    it('returns the first result to a retry without adding messages, as JSON or as a stream', async () => {
      const headers = { 'idempotency-key': 'retry-1' };
      const first = await send({ message: 'Once only' }, headers);
      expect(first.status).toBe(200);
      const retried = await send({ message: 'Once only' }, headers);
      expect(retried.status).toBe(200);
      expect(retried.headers['idempotent-replayed']).toBe('true');
      expect(retried.body).toEqual(first.body);

      const streamed = await postJson(sendUrl(), token, { message: 'Once only', stream: 'sse' }, headers);
      const events = parseSse(await streamed.text());
      expect(events[0]).toMatchObject({ conversationId: first.body.data.conversationId, assistantMessageId: first.body.data.message.id });
      expect(textOf(events)).toBe(answer);
      expect(events.at(-1)?.type).toBe('finish');

      expect(upstream.requests).toHaveLength(1);
      expect(await messagesOf(first.body.data.conversationId)).toHaveLength(2);
    });

    it('refuses the same key for a different request with 409', async () => {
      const headers = { 'idempotency-key': 'retry-2' };
      expect((await send({ message: 'First body' }, headers)).status).toBe(200);
      const conflict = await send({ message: 'Second body' }, headers);
      expect(conflict.status).toBe(409);
      expect(conflict.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/different request/) });
    });

    it('refuses a retry while the first request still runs with 409', async () => {
      stalling.script({ kind: 'reply', text: 'Slow answer coming', stallAfterChunks: 2 });
      const headers = { 'idempotency-key': 'retry-3' };
      const url = `/api/v1/chatbots/${stallingChatbotId}/conversation`;
      const client = new AbortController();
      const running = await postJson(`${baseUrl}/chatbots/${stallingChatbotId}/conversation`, token, { message: 'Slow', stream: true }, headers, client.signal);
      const reader = running.body!.getReader();
      await reader.read();
      const retry = await t.request('POST', url, { token, body: { message: 'Slow' }, headers });
      expect(retry.status).toBe(409);
      expect(retry.body.message).toMatch(/still in progress/);
      client.abort();
      await stalling.waitForDisconnects(++stallingDisconnects);
    });
  });

  it('never shows or logs the provider key', async () => {
    const response = await send({ message: 'Anything secret?' });
    expect(response.text).not.toContain(userKey);
    const conversation = await t.request('GET', `/api/v1/conversations/${response.body.data.conversationId}`, { token });
    expect(conversation.text).not.toContain(userKey);
    expect(t.logs()).not.toContain(userKey);
  });
});
