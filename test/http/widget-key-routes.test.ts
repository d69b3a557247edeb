import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createChatbot, createWidgetKey, widgetRequest } from './widget-fixtures.js';

describe.each(backends)('widget key routes on %s', (backend) => {
  let t: TestApp;
  let alice: string;
  let bob: string;
  let chatbotId: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    alice = (await t.signUp('alice')).accessToken;
    bob = (await t.signUp('bob')).accessToken;
    chatbotId = await createChatbot(t, alice);
  });
  afterAll(() => t.close());

  const keysUrl = () => `/api/v1/chatbots/${chatbotId}/widget-keys`;

  it('creates a publishable key with its origins normalised and deduplicated', async () => {
    const response = await t.request('POST', keysUrl(), {
      token: alice,
      body: { allowedOrigins: ['HTTPS://Shop.Example:443/', 'https://shop.example', 'http://localhost:8080'] },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      status: 'success',
      message: 'Widget key created',
      data: {
        widgetKey: {
          id: expect.any(String),
          chatbotId,
          key: expect.stringMatching(/^pk_[A-Za-z0-9_-]{43}$/),
          allowedOrigins: ['https://shop.example', 'http://localhost:8080'],
          createdAt: expect.any(String),
          rotatedAt: null,
          revokedAt: null,
        },
      },
    });
  });

  it.each([
    ['a bare host name', ['example.com']],
    ['a path', ['https://example.com/shop']],
    ['a query', ['https://example.com?x=1']],
    ['a wildcard', ['https://*.example.com']],
    ['credentials', ['https://user:pass@example.com']],
    ['another scheme', ['ftp://example.com']],
    ['javascript', ['javascript:alert(1)']],
  ])('refuses an origin with %s (400)', async (_case, allowedOrigins) => {
    const response = await t.request('POST', keysUrl(), { token: alice, body: { allowedOrigins } });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 'error', code: 'VALIDATION_ERROR' });
  });

  it('refuses an empty origin list and unknown fields (400)', async () => {
    for (const body of [{ allowedOrigins: [] }, { allowedOrigins: ['https://a.example'], chatbotId: 'x' }, {}]) {
      const response = await t.request('POST', keysUrl(), { token: alice, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('lists the chatbot keys newest first', async () => {
    const chatbot = await createChatbot(t, alice);
    const first = await createWidgetKey(t, alice, chatbot);
    const second = await createWidgetKey(t, alice, chatbot, ['http://localhost:3001']);
    const response = await t.request('GET', `/api/v1/chatbots/${chatbot}/widget-keys`, { token: alice });
    expect(response.status).toBe(200);
    expect(response.body.data.map((key: { id: string }) => key.id)).toEqual([second.id, first.id]);
  });

  it('rotates a key: the new value works at once and the old one stops working', async () => {
    const original = await createWidgetKey(t, alice, chatbotId);
    const response = await t.request('POST', `/api/v1/widget-keys/${original.id}/rotate`, { token: alice });
    expect(response.status).toBe(200);
    const rotated = response.body.data.widgetKey;
    expect(rotated).toMatchObject({ id: original.id, allowedOrigins: original.allowedOrigins, rotatedAt: expect.any(String) });
    expect(rotated.key).not.toBe(original.key);

    const old = await widgetRequest(t, 'GET', '/config', { key: original.key });
    expect(old.status).toBe(401);
    expect(old.body).toMatchObject({ code: 'UNAUTHORIZED', reason: 'key-invalid' });
    expect((await widgetRequest(t, 'GET', '/config', { key: rotated.key })).status).toBe(200);
  });

  it('revokes a key: the widget is refused, the list shows it revoked, and it cannot be rotated', async () => {
    const key = await createWidgetKey(t, alice, chatbotId);
    const response = await t.request('DELETE', `/api/v1/widget-keys/${key.id}`, { token: alice });
    expect(response.body).toEqual({ status: 'success', message: 'Widget key revoked', data: null });

    const refused = await widgetRequest(t, 'GET', '/config', { key: key.key });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ status: 'error', message: 'This widget key has been revoked', code: 'UNAUTHORIZED', reason: 'key-revoked' });
    const listed = (await t.request('GET', keysUrl(), { token: alice })).body.data.find((item: { id: string }) => item.id === key.id);
    expect(listed.revokedAt).toEqual(expect.any(String));
    expect((await t.request('POST', `/api/v1/widget-keys/${key.id}/rotate`, { token: alice })).status).toBe(409);
  });

  it("answers another user's chatbot or key like one that does not exist (404)", async () => {
    const key = await createWidgetKey(t, alice, chatbotId);
    const attempts = [
      await t.request('GET', keysUrl(), { token: bob }),
      await t.request('POST', keysUrl(), { token: bob, body: { allowedOrigins: ['https://evil.example'] } }),
      await t.request('POST', `/api/v1/widget-keys/${key.id}/rotate`, { token: bob }),
      await t.request('DELETE', `/api/v1/widget-keys/${key.id}`, { token: bob }),
      await t.request('GET', `/api/v1/chatbots/${chatbotId}/widget-settings`, { token: bob }),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(404);
      expect(attempt.body.code).toBe('NOT_FOUND');
    }
    expect((await widgetRequest(t, 'GET', '/config', { key: key.key })).status).toBe(200);
  });

  it('needs a signed-in owner', async () => {
    expect((await t.request('GET', keysUrl())).status).toBe(401);
  });

  it('hides the keys of a deleted chatbot', async () => {
    const chatbot = await createChatbot(t, alice);
    const key = await createWidgetKey(t, alice, chatbot);
    await t.request('DELETE', `/api/v1/chatbots/${chatbot}`, { token: alice });
    expect((await t.request('GET', `/api/v1/chatbots/${chatbot}/widget-keys`, { token: alice })).status).toBe(404);
    expect((await t.request('DELETE', `/api/v1/widget-keys/${key.id}`, { token: alice })).status).toBe(404);
  });
});
