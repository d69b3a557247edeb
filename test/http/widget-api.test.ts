import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { allowedOrigin, ask, createChatbot, createWidgetKey, startVisitor, widgetRequest } from './widget-fixtures.js';

const question = 'How long do I have to return an item?';

describe.each(backends)('widget API on %s', (backend) => {
  let t: TestApp;
  let owner: string;
  let key: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    owner = (await t.signUp('owner')).accessToken;
    key = (await createWidgetKey(t, owner, await createChatbot(t, owner), [allowedOrigin, 'http://localhost:8080'])).key;
  });
  afterAll(() => t.close());

  describe('origin checks and CORS', () => {
    it('answers an allowed origin with CORS headers for that origin only', async () => {
      const response = await widgetRequest(t, 'GET', '/config', { key, origin: 'http://localhost:8080' });
      expect(response.status).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe('http://localhost:8080');
      expect(response.headers.vary).toContain('Origin');
      expect(response.headers['access-control-expose-headers']).toContain('x-ratelimit-remaining');
    });

    it('refuses a disallowed origin with 403 and a clear JSON error, without CORS headers', async () => {
      const response = await widgetRequest(t, 'GET', '/config', { key, origin: 'https://evil.example' });
      expect(response.status).toBe(403);
      expect(response.body).toEqual({
        status: 'error',
        message: 'The origin https://evil.example is not allowed to use this widget key',
        code: 'FORBIDDEN',
        reason: 'origin-not-allowed',
      });
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('refuses a request without an Origin header unless the browser says it is same-origin', async () => {
      const missing = await widgetRequest(t, 'GET', '/config', { key, origin: null });
      expect(missing.status).toBe(403);
      expect(missing.body.reason).toBe('origin-not-allowed');
      const sameOrigin = await widgetRequest(t, 'GET', '/config', { key, origin: null, headers: { 'sec-fetch-site': 'same-origin' } });
      expect(sameOrigin.status).toBe(200);
      expect(sameOrigin.headers['access-control-allow-origin']).toBeUndefined();
    });

    it("lets this server's own pages (the hosted chat page) use any key", async () => {
      const response = await widgetRequest(t, 'GET', '/config', { key, origin: 'http://localhost:80', headers: { host: 'localhost:80' } });
      expect(response.status).toBe(200);
    });

    it('answers a preflight from an allowed origin, and refuses one from another origin', async () => {
      const headers = { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-visitor-token' };
      const allowed = await widgetRequest(t, 'OPTIONS', '/messages', { key, headers });
      expect(allowed.status).toBe(204);
      expect(allowed.headers).toMatchObject({
        'access-control-allow-origin': allowedOrigin,
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'content-type, x-widget-key, x-visitor-token',
      });
      const refused = await widgetRequest(t, 'OPTIONS', '/messages', { key, origin: 'https://evil.example', headers });
      expect(refused.status).toBe(403);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('takes the key from the X-Widget-Key header too, and refuses requests without one', async () => {
      const byHeader = await widgetRequest(t, 'GET', '/config', { headers: { 'x-widget-key': key } });
      expect(byHeader.status).toBe(200);
      const missing = await widgetRequest(t, 'GET', '/config', {});
      expect(missing.status).toBe(401);
      expect(missing.body.reason).toBe('key-missing');
      const junk = await widgetRequest(t, 'GET', '/config', { key: 'pk_not-a-real-key-at-all-000000' });
      expect(junk.body.reason).toBe('key-invalid');
    });
  });

  describe('chatting', () => {
    it('streams an answer from the assistant and keeps the conversation for the visitor', async () => {
      const visitor = await startVisitor(t, key);
      const first = await ask(t, key, visitor, question);
      expect(first.response.status).toBe(200);
      expect(first.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(first.response.headers['access-control-allow-origin']).toBe(allowedOrigin);
      expect(first.events.map((event) => event.event)).toEqual(['message-start', ...Array(first.events.length - 2).fill('text-delta'), 'finish']);
      expect(first.text).toContain('30 days');
      expect(Object.keys(first.events.at(-1)?.data ?? {}).sort()).toEqual(['finishReason', 'messageId']);

      const second = await ask(t, key, visitor, 'Thanks!', first.conversationId);
      expect(second.conversationId).toBe(first.conversationId);

      const conversations = await widgetRequest(t, 'GET', '/conversations', { key, visitorToken: visitor });
      expect(conversations.body.data).toEqual([
        { id: first.conversationId, title: question, createdAt: expect.any(String), updatedAt: expect.any(String) },
      ]);
      const history = await widgetRequest(t, 'GET', `/conversations/${first.conversationId}/messages`, { key, visitorToken: visitor });
      expect(history.body.data.map((message: { role: string }) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
      expect(history.body.data[1]).toEqual({
        id: expect.any(String),
        role: 'assistant',
        content: first.text,
        status: 'complete',
        citations: [],
        createdAt: expect.any(String),
      });
    });

    it('validates a send before anything is stored', async () => {
      const visitor = await startVisitor(t, key);
      for (const body of [{ message: '' }, { message: '   ' }, { message: 'x'.repeat(4001) }, { message: 'hi', parentId: null }]) {
        const response = await widgetRequest(t, 'POST', '/messages', { key, visitorToken: visitor, body });
        expect(response.status, JSON.stringify(body)).toBe(400);
      }
      expect((await widgetRequest(t, 'GET', '/conversations', { key, visitorToken: visitor })).body.data).toEqual([]);
    });

    it('needs a valid visitor token to read or write conversations', async () => {
      for (const visitorToken of [undefined, 'v1.forged.token.signature']) {
        const response = await widgetRequest(t, 'POST', '/messages', { key, visitorToken, body: { message: question } });
        expect(response.status).toBe(401);
        expect(response.body.reason).toBe('visitor-invalid');
      }
      const visitor = await startVisitor(t, key);
      const tampered = `${visitor.slice(0, -2)}${visitor.endsWith('AA') ? 'BB' : 'AA'}`;
      expect((await widgetRequest(t, 'GET', '/conversations', { key, visitorToken: tampered })).status).toBe(401);
    });
  });

  describe('visitor isolation', () => {
    it("never shows one visitor another visitor's conversation", async () => {
      const mine = await startVisitor(t, key);
      const theirs = await startVisitor(t, key);
      const { conversationId } = await ask(t, key, mine, question);

      expect((await widgetRequest(t, 'GET', '/conversations', { key, visitorToken: theirs })).body.data).toEqual([]);
      const read = await widgetRequest(t, 'GET', `/conversations/${conversationId}/messages`, { key, visitorToken: theirs });
      expect(read.status).toBe(404);
      expect(read.body.reason).toBe('conversation-not-found');
      const write = await ask(t, key, theirs, 'Me too?', conversationId);
      expect(write.response.status).toBe(404);
      const history = await widgetRequest(t, 'GET', `/conversations/${conversationId}/messages`, { key, visitorToken: mine });
      expect(history.body.data).toHaveLength(2);
    });

    it("does not let a widget visitor reach the owner's own conversations", async () => {
      const chatbotId = (await widgetRequest(t, 'GET', '/config', { key })).body.data.assistant.id;
      const sent = await t.request('POST', `/api/v1/chatbots/${chatbotId}/conversation`, { token: owner, body: { message: question, stream: false } });
      expect(sent.status, sent.text).toBe(200);
      const visitor = await startVisitor(t, key);
      const read = await widgetRequest(t, 'GET', `/conversations/${sent.body.data.conversationId}/messages`, { key, visitorToken: visitor });
      expect(read.status).toBe(404);
    });
  });

  describe('key isolation', () => {
    it("gives a key its own assistant only: no other assistant's config, visitors or conversations", async () => {
      const other = await t.signUp('other-owner');
      const otherChatbot = await createChatbot(t, other.accessToken, { name: 'Other assistant', greeting: 'Other hello' });
      const otherKey = (await createWidgetKey(t, other.accessToken, otherChatbot)).key;

      const config = await widgetRequest(t, 'GET', '/config', { key: otherKey });
      expect(config.body.data.assistant).toMatchObject({ id: otherChatbot, name: 'Other assistant', greeting: 'Other hello' });

      const visitor = await startVisitor(t, key);
      const { conversationId } = await ask(t, key, visitor, question);
      const crossToken = await widgetRequest(t, 'GET', '/conversations', { key: otherKey, visitorToken: visitor });
      expect(crossToken.status).toBe(401);
      expect(crossToken.body.reason).toBe('visitor-invalid');

      const otherVisitor = await startVisitor(t, otherKey);
      const read = await widgetRequest(t, 'GET', `/conversations/${conversationId}/messages`, { key: otherKey, visitorToken: otherVisitor });
      expect(read.status).toBe(404);
      const write = await ask(t, otherKey, otherVisitor, 'Hello', conversationId);
      expect(write.response.status).toBe(404);
    });
  });

  describe('assistants that can no longer chat', () => {
    it.each([
      ['deleted', (id: string) => t.request('DELETE', `/api/v1/chatbots/${id}`, { token: owner })],
      ['archived', (id: string) => t.request('POST', `/api/v1/chatbots/${id}/archive`, { token: owner })],
    ])('refuses the widget of a %s assistant with 404 assistant-unavailable', async (_state, change) => {
      const chatbotId = await createChatbot(t, owner);
      const widgetKey = (await createWidgetKey(t, owner, chatbotId)).key;
      const visitor = await startVisitor(t, widgetKey);
      expect((await change(chatbotId)).status).toBe(200);
      for (const response of [
        await widgetRequest(t, 'GET', '/config', { key: widgetKey }),
        await ask(t, widgetKey, visitor, question).then((result) => result.response),
      ]) {
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ status: 'error', message: 'This assistant is not available', code: 'NOT_FOUND', reason: 'assistant-unavailable' });
        expect(response.headers['access-control-allow-origin']).toBe(allowedOrigin);
      }
    });
  });
});
