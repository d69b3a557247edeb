import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiWireServer, type OpenAiWireServer } from '../helpers/openai-wire-server.js';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const userKey = 'sk-models-user-key-0123456789abcd';

/** Signs up a user with an OpenAI-compatible provider on `baseUrl` and, unless told not to, a key for it. */
async function userWithProvider(t: TestApp, username: string, baseUrl: string, options: { withKey?: boolean } = {}) {
  const user = await t.signUp(username);
  const provider = await t.request('POST', '/api/v1/llm-providers', {
    token: user.accessToken,
    body: { name: 'Loopback', type: 'openai-compatible', apiEndpoint: baseUrl },
  });
  const providerId: string = provider.body.data.llmProvider.id;
  if (options.withKey !== false) {
    await t.request('POST', '/api/v1/llm-configs', { token: user.accessToken, body: { providerId, apiKey: userKey } });
  }
  return { token: user.accessToken, providerId };
}

describe.each(backends)('GET /llm-providers/:id/models on %s', (backend) => {
  let upstream: OpenAiWireServer;
  let guarded: TestApp;
  let allowed: TestApp;

  beforeAll(async () => {
    upstream = await startOpenAiWireServer({ apiKey: userKey, models: ['llama3.1', 'gpt-4o-mini'] });
    const { port } = new URL(upstream.baseUrl);
    guarded = await createTestApp(backend);
    allowed = await createTestApp(backend, { ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await Promise.all([guarded.close(), allowed.close(), upstream.close()]);
  });

  it("lists the models with the caller's decrypted key when the operator allows the loopback host", async () => {
    const { token, providerId } = await userWithProvider(allowed, 'allowed', upstream.baseUrl);
    const response = await allowed.request('GET', `/api/v1/llm-providers/${providerId}/models`, { token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'success', data: { models: [{ id: 'gpt-4o-mini' }, { id: 'llama3.1' }] } });
    const listing = upstream.requests.at(-1);
    expect(listing?.path).toBe('/v1/models');
    expect(listing?.headers.authorization).toBe(`Bearer ${userKey}`);
    expect(response.text).not.toContain(userKey);
    expect(allowed.logs()).not.toContain(userKey);
  });

  it('refuses a loopback endpoint the operator has not allowed, naming ALLOWED_PRIVATE_HOSTS, without a request', async () => {
    const before = upstream.requests.length;
    const { token, providerId } = await userWithProvider(guarded, 'guarded', upstream.baseUrl);
    const response = await guarded.request('GET', `/api/v1/llm-providers/${providerId}/models`, { token });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ status: 'error', code: 'VALIDATION_ERROR' });
    expect(response.body.message).toContain('ALLOWED_PRIVATE_HOSTS');
    expect(upstream.requests.length).toBe(before);
    expect(guarded.logs()).not.toContain(userKey);
  });

  it('only allows the listed port of an allowed host', async () => {
    const otherPort = await startOpenAiWireServer({ apiKey: userKey });
    try {
      const { token, providerId } = await userWithProvider(allowed, 'otherport', otherPort.baseUrl);
      const response = await allowed.request('GET', `/api/v1/llm-providers/${providerId}/models`, { token });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('ALLOWED_PRIVATE_HOSTS');
      expect(otherPort.requests).toEqual([]);
    } finally {
      await otherPort.close();
    }
  });

  it('reports a key the upstream refuses as a 400 the user can act on', async () => {
    const { token, providerId } = await userWithProvider(allowed, 'wrongkey', upstream.baseUrl, { withKey: false });
    const response = await allowed.request('GET', `/api/v1/llm-providers/${providerId}/models`, { token });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringContaining('refused the credentials (401)') });
  });

  it('asks for a key first when a hosted provider needs one', async () => {
    const user = await allowed.signUp('nokey');
    const { id } = (
      await allowed.request('POST', '/api/v1/llm-providers', { token: user.accessToken, body: { name: 'Claude', type: 'anthropic' } })
    ).body.data.llmProvider;
    const response = await allowed.request('GET', `/api/v1/llm-providers/${id}/models`, { token: user.accessToken });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringContaining('no API key') });
  });

  it('answers null for a provider without a model list (Azure)', async () => {
    const user = await allowed.signUp('azure');
    const { id } = (
      await allowed.request('POST', '/api/v1/llm-providers', {
        token: user.accessToken,
        body: { name: 'Azure', type: 'azure', apiEndpoint: 'https://docent-test.openai.azure.com/openai' },
      })
    ).body.data.llmProvider;
    await allowed.request('POST', '/api/v1/llm-configs', { token: user.accessToken, body: { providerId: id, apiKey: 'azure-key-0123456789abcdef' } });
    const response = await allowed.request('GET', `/api/v1/llm-providers/${id}/models`, { token: user.accessToken });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ models: null });
  });

  it('reports an upstream that cannot be reached as a 502', async () => {
    const closed = await startOpenAiWireServer();
    const { port } = new URL(closed.baseUrl);
    await closed.close();
    const app = await createTestApp(backend, { ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${port}` });
    try {
      const { token, providerId } = await userWithProvider(app, 'unreachable', closed.baseUrl);
      const response = await app.request('GET', `/api/v1/llm-providers/${providerId}/models`, { token });
      expect(response.status).toBe(502);
      expect(response.body).toEqual({ status: 'error', message: 'The model provider could not be reached', code: 'SERVER_ERROR' });
    } finally {
      await app.close();
    }
  });
});
