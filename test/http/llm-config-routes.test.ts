import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SecretBox } from '../../src/core/crypto/secret-box.js';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const aliceKey = 'sk-alice-0123456789abcdefghijWXYZ';
const replacementKey = 'sk-alice-replacement-9876543210QRST';

describe.each(backends)('LLM config routes on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let alice: { id: string; accessToken: string };
  let bob: { id: string; accessToken: string };
  let privateProviderId: string;
  let globalProviderId: string;
  const save = (token: string, body: object) => t.request('POST', '/api/v1/llm-configs', { token, body });

  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await t.loginAdmin();
    alice = await t.signUp('alice');
    bob = await t.signUp('bob');
    const provider = (token: string, body: object) => t.request('POST', '/api/v1/llm-providers', { token, body });
    privateProviderId = (await provider(alice.accessToken, { name: 'Alice OpenAI', type: 'openai' })).body.data.llmProvider.id;
    globalProviderId = (await provider(admin, { name: 'Company Anthropic', type: 'anthropic', scope: 'global' })).body.data.llmProvider.id;
  });
  afterAll(() => t.close());

  it('saves a key sealed at rest and answers with its mask only', async () => {
    const created = await save(alice.accessToken, { providerId: privateProviderId, apiKey: aliceKey });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      status: 'success',
      message: 'API key saved',
      data: {
        llmConfig: {
          id: expect.any(String),
          providerId: privateProviderId,
          apiKeyMask: 'sk-…WXYZ',
          createdAt: expect.any(String),
          updatedAt: expect.any(String),
        },
      },
    });
    expect(created.text).not.toContain(aliceKey);
    expect(created.text).not.toContain('Ciphertext');

    const row = await t.app.store.llmConfigs.findOwned(created.body.data.llmConfig.id, alice.id);
    expect(row?.apiKeyCiphertext).toMatch(/^v1\./);
    expect(row?.apiKeyCiphertext).not.toContain(aliceKey);
    expect(new SecretBox(t.config.secretKey).decrypt(row!.apiKeyCiphertext)).toBe(aliceKey);
  });

  it('keeps one key per user and provider: saving again replaces it (200)', async () => {
    const again = await save(alice.accessToken, { providerId: privateProviderId, apiKey: `  ${replacementKey}\n` });
    expect(again.status).toBe(200);
    expect(again.body.message).toBe('API key replaced');
    expect(again.body.data.llmConfig.apiKeyMask).toBe('sk-…QRST');
    const listed = await t.request('GET', '/api/v1/llm-configs', { token: alice.accessToken });
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0].id).toBe(again.body.data.llmConfig.id);
    const row = await t.app.store.llmConfigs.findOwned(again.body.data.llmConfig.id, alice.id);
    expect(new SecretBox(t.config.secretKey).decrypt(row!.apiKeyCiphertext)).toBe(replacementKey);
  });

  it('lists, reads, replaces and deletes a key for a global provider, masked throughout', async () => {
    const globalKey = 'sk-ant-api03-bob-secret-key-abcdefgh1234';
    const created = await save(bob.accessToken, { providerId: globalProviderId, apiKey: globalKey });
    expect(created.status).toBe(201);
    const { id } = created.body.data.llmConfig;

    const listed = await t.request('GET', '/api/v1/llm-configs', { token: bob.accessToken });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      status: 'success',
      data: [expect.objectContaining({ id, providerId: globalProviderId, apiKeyMask: 'sk-…1234' })],
      pagination: { total: 1, pages: 1, page: 1, limit: 20 },
    });
    const read = await t.request('GET', `/api/v1/llm-configs/${id}`, { token: bob.accessToken });
    expect(read.status).toBe(200);
    expect(read.body.data.llmConfig).toEqual(created.body.data.llmConfig);

    const newKey = 'sk-ant-api03-bob-rotated-key-zyxwv9876';
    const updated = await t.request('PUT', `/api/v1/llm-configs/${id}`, { token: bob.accessToken, body: { apiKey: newKey } });
    expect(updated.status).toBe(200);
    expect(updated.body.data.llmConfig).toMatchObject({ id, apiKeyMask: 'sk-…9876' });

    for (const response of [created, listed, read, updated]) {
      expect(response.text).not.toContain(globalKey);
      expect(response.text).not.toContain(newKey);
    }
    expect(t.logs()).not.toContain(globalKey);
    expect(t.logs()).not.toContain(newKey);

    const deleted = await t.request('DELETE', `/api/v1/llm-configs/${id}`, { token: bob.accessToken });
    expect(deleted.body).toEqual({ status: 'success', message: 'API key deleted', data: null });
    expect((await t.request('GET', `/api/v1/llm-configs/${id}`, { token: bob.accessToken })).status).toBe(404);
  });

  it('never logs a key, including a key sent with an invalid request', async () => {
    await save(alice.accessToken, { providerId: privateProviderId, apiKey: aliceKey, extra: true });
    await save(alice.accessToken, { providerId: 'no-such-provider', apiKey: aliceKey });
    expect(t.logs()).not.toContain(aliceKey);
    expect(t.logs()).not.toContain(replacementKey);
  });

  it("answers 404 on every route for another user's config", async () => {
    const { id } = (await t.request('GET', '/api/v1/llm-configs', { token: alice.accessToken })).body.data[0];
    const attempts = [
      await t.request('GET', `/api/v1/llm-configs/${id}`, { token: bob.accessToken }),
      await t.request('PUT', `/api/v1/llm-configs/${id}`, { token: bob.accessToken, body: { apiKey: 'sk-stolen-0000000000000000' } }),
      await t.request('DELETE', `/api/v1/llm-configs/${id}`, { token: bob.accessToken }),
      await t.request('GET', `/api/v1/llm-configs/${id}`, { token: admin }),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(404);
      expect(attempt.body).toEqual({ status: 'error', message: 'LLM config not found', code: 'NOT_FOUND' });
    }
    expect((await t.request('GET', '/api/v1/llm-configs', { token: bob.accessToken })).body.data).toEqual([]);
    const row = await t.app.store.llmConfigs.findOwned(id, alice.id);
    expect(new SecretBox(t.config.secretKey).decrypt(row!.apiKeyCiphertext)).toBe(replacementKey);
  });

  it("refuses a key for another user's private provider exactly like a missing one (404)", async () => {
    const foreign = await save(bob.accessToken, { providerId: privateProviderId, apiKey: 'sk-bob-000000000000000000001' });
    const missing = await save(bob.accessToken, { providerId: 'no-such-provider', apiKey: 'sk-bob-000000000000000000001' });
    for (const response of [foreign, missing]) {
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ status: 'error', message: 'LLM provider not found', code: 'NOT_FOUND' });
    }
  });

  it('drops the keys saved for a provider when the provider is deleted', async () => {
    const { id: providerId } = (
      await t.request('POST', '/api/v1/llm-providers', { token: bob.accessToken, body: { name: 'Temporary', type: 'google' } })
    ).body.data.llmProvider;
    const { id } = (await save(bob.accessToken, { providerId, apiKey: 'AIzaSyTemporaryKey0123456789abcd' })).body.data.llmConfig;
    await t.request('DELETE', `/api/v1/llm-providers/${providerId}`, { token: bob.accessToken });
    expect((await t.request('GET', `/api/v1/llm-configs/${id}`, { token: bob.accessToken })).status).toBe(404);
  });

  it('rejects invalid input with VALIDATION_ERROR', async () => {
    const invalid: object[] = [
      {},
      { providerId: privateProviderId },
      { providerId: privateProviderId, apiKey: '' },
      { providerId: privateProviderId, apiKey: '   ' },
      { providerId: privateProviderId, apiKey: 'sk-x', userId: bob.id },
    ];
    for (const body of invalid) {
      const response = await save(alice.accessToken, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code).toBe('VALIDATION_ERROR');
    }
    const { id } = (await t.request('GET', '/api/v1/llm-configs', { token: alice.accessToken })).body.data[0];
    const put = await t.request('PUT', `/api/v1/llm-configs/${id}`, { token: alice.accessToken, body: { providerId: globalProviderId } });
    expect(put.status).toBe(400);
    expect((await t.request('GET', '/api/v1/llm-configs')).status).toBe(401);
  });
});
