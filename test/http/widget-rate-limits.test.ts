import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { allowedOrigin, ask, createChatbot, createWidgetKey } from './widget-fixtures.js';

const question = 'How long do I have to return an item?';

describe.each(backends)('widget rate limits on %s', (backend) => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp(backend, { RATE_LIMIT_CONVERSATION: '3', RATE_LIMIT_WIDGET_KEY: '3', RATE_LIMIT_WINDOW_SECONDS: '60' });
    token = (await t.signUp('owner')).accessToken;
  });
  afterAll(() => t.close());

  /** Before a visitor exists, requests count against their IP: give each visitor its own. */
  let nextAddress = 1;
  const startVisitor = async (key: string) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/widget/v1/visitors?key=${key}`,
      headers: { origin: allowedOrigin },
      remoteAddress: `192.0.2.${nextAddress++}`,
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().data.visitorToken as string;
  };

  it('limits each visitor, answering 429 in JSON that the widget can read', async () => {
    const key = (await createWidgetKey(t, token, await createChatbot(t, token))).key;
    const visitor = await startVisitor(key);
    const statuses = [];
    for (let index = 0; index < 3; index++) statuses.push((await ask(t, key, visitor, question)).response.status);
    const refused = (await ask(t, key, visitor, question)).response;
    expect(statuses).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ status: 'error', message: 'Too many messages, please wait a moment', code: 'RATE_LIMIT_EXCEEDED' });
    expect(refused.headers).toMatchObject({
      'x-ratelimit-limit': '3',
      'x-ratelimit-remaining': '0',
      'retry-after': expect.stringMatching(/^\d+$/),
      'access-control-allow-origin': allowedOrigin,
    });
  });

  it('limits each key across all its visitors', async () => {
    const key = (await createWidgetKey(t, token, await createChatbot(t, token))).key;
    for (let index = 0; index < 3; index++) {
      expect((await ask(t, key, await startVisitor(key), question)).response.status).toBe(200);
    }
    // A new visitor has budget of their own, but the key has none left.
    const refused = await ask(t, key, await startVisitor(key), question);
    expect(refused.response.status).toBe(429);
    expect(refused.response.headers['access-control-allow-origin']).toBe(allowedOrigin);
  });
});
