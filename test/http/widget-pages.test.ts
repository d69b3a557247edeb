import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createChatbot, createWidgetKey } from './widget-fixtures.js';

describe.each(backends)('widget pages on %s', (backend) => {
  let t: TestApp;
  let token: string;
  let chatbotId: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    token = (await t.signUp('owner')).accessToken;
    chatbotId = await createChatbot(t, token, { name: 'Shop <Helper>' });
  });
  afterAll(() => t.close());

  it('serves the hosted chat page with the widget inline under a strict policy', async () => {
    const key = await createWidgetKey(t, token, chatbotId, ['https://shop.example', 'http://localhost:8080']);
    const response = await t.request('GET', `/chat/${key.key}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.text).toContain('<title>Shop &#60;Helper&#62;</title>');
    expect(response.text).toContain(`<script src="/widget.js" data-key="${key.key}" data-mode="inline" data-target="#docent-chat" defer>`);
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("img-src 'self' data:;");
    expect(policy).toContain("connect-src 'self';");
    expect(policy).toContain("frame-ancestors 'self' https://shop.example http://localhost:8080");
    expect(response.headers['x-frame-options']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it("lets images come from the owner's avatar host and nowhere else", async () => {
    const chatbot = await createChatbot(t, token);
    await t.request('PUT', `/api/v1/chatbots/${chatbot}/widget-settings`, {
      token,
      body: { title: 'Help', primaryColor: '#000', textColor: '#fff', position: 'bottom-right', launcherText: 'Help', avatarUrl: 'https://cdn.example/a.png' },
    });
    const key = await createWidgetKey(t, token, chatbot);
    const policy = String((await t.request('GET', `/chat/${key.key}`)).headers['content-security-policy']);
    expect(policy).toContain("img-src 'self' data: https://cdn.example;");
  });

  it('shows a short HTML notice for a revoked or unknown key', async () => {
    const key = await createWidgetKey(t, token, chatbotId);
    await t.request('DELETE', `/api/v1/widget-keys/${key.id}`, { token });
    for (const url of [`/chat/${key.key}`, '/chat/pk_unknownunknownunknownunknown']) {
      const response = await t.request('GET', url);
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.text).toContain('This chat is not available.');
    }
  });

  it('serves widget.js to any site, gzipped and cacheable', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/widget.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'content-encoding': 'gzip',
      'cross-origin-resource-policy': 'cross-origin',
      'cache-control': 'public, max-age=300',
    });
    const script = gunzipSync(response.rawPayload).toString('utf8');
    expect(script).toContain('docent-chat');
    expect(response.rawPayload.length).toBeLessThan(30 * 1024);

    const revalidated = await t.app.inject({ method: 'GET', url: '/widget.js', headers: { 'if-none-match': String(response.headers.etag) } });
    expect(revalidated.statusCode).toBe(304);
    const plain = await t.app.inject({ method: 'GET', url: '/widget.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });
});
