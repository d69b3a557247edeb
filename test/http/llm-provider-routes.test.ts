import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(backends)('LLM provider routes on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let alice: { id: string; accessToken: string };
  let bob: { id: string; accessToken: string };
  const create = (token: string, body: object) => t.request('POST', '/api/v1/llm-providers', { token, body });

  beforeAll(async () => {
    t = await createTestApp(backend);
    admin = await t.loginAdmin();
    alice = await t.signUp('alice');
    bob = await t.signUp('bob');
  });
  afterAll(() => t.close());

  describe('POST /llm-providers', () => {
    it('creates a private provider, normalizing the endpoint', async () => {
      const response = await create(alice.accessToken, {
        name: '  Local Ollama ',
        type: 'openai-compatible',
        apiEndpoint: 'http://localhost:11434/v1/',
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        status: 'success',
        message: 'LLM provider created',
        data: {
          llmProvider: {
            id: expect.any(String),
            name: 'Local Ollama',
            type: 'openai-compatible',
            apiEndpoint: 'http://localhost:11434/v1',
            scope: 'private',
            createdAt: expect.any(String),
            updatedAt: expect.any(String),
          },
        },
      });
      expect(response.text).not.toContain('ownerId');
    });

    it('uses the vendor default endpoint when a hosted provider names none', async () => {
      const response = await create(alice.accessToken, { name: 'OpenAI', type: 'openai' });
      expect(response.status).toBe(201);
      expect(response.body.data.llmProvider).toMatchObject({ type: 'openai', apiEndpoint: null, scope: 'private' });
    });

    it('lets an admin create a global provider and refuses it to anyone else', async () => {
      const global = await create(admin, { name: 'Company Anthropic', type: 'anthropic', scope: 'global' });
      expect(global.status).toBe(201);
      expect(global.body.data.llmProvider.scope).toBe('global');
      const refused = await create(alice.accessToken, { name: 'Mine for all', type: 'openai', scope: 'global' });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ status: 'error', code: 'FORBIDDEN' });
    });

    it('rejects invalid input with VALIDATION_ERROR', async () => {
      const invalid: object[] = [
        {},
        { name: 'x', type: 'offline' },
        { name: 'x', type: 'cohere' },
        { name: '   ', type: 'openai' },
        { name: 'x', type: 'openai-compatible' },
        { name: 'x', type: 'azure' },
        { name: 'x', type: 'openai', apiEndpoint: 'ftp://example.com/v1' },
        { name: 'x', type: 'openai', apiEndpoint: 'not a url' },
        { name: 'x', type: 'openai', apiEndpoint: 'https://user:secret@example.com/v1' },
        { name: 'x', type: 'openai', apiEndpoint: 'https://example.com/v1?key=secret' },
        { name: 'x', type: 'openai', ownerId: bob.id },
        { name: 'x', type: 'openai', id: 'chosen-id' },
      ];
      for (const body of invalid) {
        const response = await create(alice.accessToken, body);
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(response.body.code).toBe('VALIDATION_ERROR');
      }
    });

    it('requires a signed-in caller', async () => {
      const response = await t.request('POST', '/api/v1/llm-providers', { body: { name: 'x', type: 'openai' } });
      expect(response.status).toBe(401);
    });
  });

  describe('GET /llm-providers', () => {
    it("lists global providers and the caller's own, paginated, never another user's", async () => {
      const app = await createTestApp(backend);
      try {
        const adminToken = await app.loginAdmin();
        const carol = await app.signUp('carol');
        const dave = await app.signUp('dave');
        const post = (token: string, body: object) => app.request('POST', '/api/v1/llm-providers', { token, body });
        await post(adminToken, { name: 'Global', type: 'openai', scope: 'global' });
        await post(carol.accessToken, { name: 'Carol 1', type: 'openai' });
        await post(carol.accessToken, { name: 'Carol 2', type: 'google' });
        await post(dave.accessToken, { name: 'Dave', type: 'anthropic' });

        const first = await app.request('GET', '/api/v1/llm-providers?limit=2', { token: carol.accessToken });
        expect(first.status).toBe(200);
        expect(first.body.pagination).toEqual({ total: 3, pages: 2, page: 1, limit: 2 });
        const second = await app.request('GET', '/api/v1/llm-providers?limit=2&page=2', { token: carol.accessToken });
        const names = [...first.body.data, ...second.body.data].map((provider: { name: string }) => provider.name);
        expect(names.sort()).toEqual(['Carol 1', 'Carol 2', 'Global']);

        const forDave = await app.request('GET', '/api/v1/llm-providers', { token: dave.accessToken });
        expect(forDave.body.data.map((provider: { name: string }) => provider.name).sort()).toEqual(['Dave', 'Global']);
        const forAdmin = await app.request('GET', '/api/v1/llm-providers', { token: adminToken });
        expect(forAdmin.body.data.map((provider: { name: string }) => provider.name)).toEqual(['Global']);
      } finally {
        await app.close();
      }
    });

    it('rejects unknown query parameters', async () => {
      const response = await t.request('GET', '/api/v1/llm-providers?owner=all', { token: alice.accessToken });
      expect(response.status).toBe(400);
    });
  });

  describe('GET, PUT and DELETE /llm-providers/:id', () => {
    it('reads, renames, re-points and deletes an own provider', async () => {
      const { id } = (await create(alice.accessToken, { name: 'vLLM', type: 'openai-compatible', apiEndpoint: 'http://10.0.0.5:8000/v1' })).body.data.llmProvider;
      const read = await t.request('GET', `/api/v1/llm-providers/${id}`, { token: alice.accessToken });
      expect(read.status).toBe(200);
      expect(read.body.data.llmProvider).toMatchObject({ id, name: 'vLLM' });

      const updated = await t.request('PUT', `/api/v1/llm-providers/${id}`, {
        token: alice.accessToken,
        body: { name: 'vLLM cluster', apiEndpoint: 'https://vllm.example.com/v1/' },
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        message: 'LLM provider updated',
        data: { llmProvider: { id, name: 'vLLM cluster', apiEndpoint: 'https://vllm.example.com/v1', type: 'openai-compatible' } },
      });

      const deleted = await t.request('DELETE', `/api/v1/llm-providers/${id}`, { token: alice.accessToken });
      expect(deleted.status).toBe(200);
      expect(deleted.body).toEqual({ status: 'success', message: 'LLM provider deleted', data: null });
      expect((await t.request('GET', `/api/v1/llm-providers/${id}`, { token: alice.accessToken })).status).toBe(404);
    });

    it('keeps the type fixed and an endpoint where the type needs one', async () => {
      const { id } = (await create(alice.accessToken, { name: 'Self-hosted', type: 'openai-compatible', apiEndpoint: 'http://10.0.0.6/v1' })).body.data.llmProvider;
      const put = (body: object) => t.request('PUT', `/api/v1/llm-providers/${id}`, { token: alice.accessToken, body });
      expect((await put({ type: 'openai' })).status).toBe(400);
      expect((await put({ apiEndpoint: null })).status).toBe(400);
      expect((await put({ apiEndpoint: 'file:///etc/passwd' })).status).toBe(400);
      const hosted = (await create(alice.accessToken, { name: 'Gemini', type: 'google', apiEndpoint: 'https://proxy.example.com/v1beta' })).body.data.llmProvider;
      const reset = await t.request('PUT', `/api/v1/llm-providers/${hosted.id}`, { token: alice.accessToken, body: { apiEndpoint: null } });
      expect(reset.status).toBe(200);
      expect(reset.body.data.llmProvider.apiEndpoint).toBeNull();
    });

    it("answers 404 on every route for another user's private provider, which stays intact", async () => {
      const { id } = (await create(alice.accessToken, { name: 'Private', type: 'openai' })).body.data.llmProvider;
      for (const token of [bob.accessToken, admin]) {
        const attempts = [
          await t.request('GET', `/api/v1/llm-providers/${id}`, { token }),
          await t.request('PUT', `/api/v1/llm-providers/${id}`, { token, body: { name: 'Taken' } }),
          await t.request('DELETE', `/api/v1/llm-providers/${id}`, { token }),
          await t.request('GET', `/api/v1/llm-providers/${id}/models`, { token }),
        ];
        for (const attempt of attempts) {
          expect(attempt.status).toBe(404);
          expect(attempt.body).toEqual({ status: 'error', message: 'LLM provider not found', code: 'NOT_FOUND' });
        }
      }
      const missing = await t.request('GET', '/api/v1/llm-providers/no-such-id', { token: bob.accessToken });
      expect(missing.body).toEqual({ status: 'error', message: 'LLM provider not found', code: 'NOT_FOUND' });
      const still = await t.request('GET', `/api/v1/llm-providers/${id}`, { token: alice.accessToken });
      expect(still.body.data.llmProvider.name).toBe('Private');
    });

    it('lets everyone read a global provider, only admins change it (403 for others)', async () => {
      const { id } = (await create(admin, { name: 'Shared OpenAI', type: 'openai', scope: 'global' })).body.data.llmProvider;
      const read = await t.request('GET', `/api/v1/llm-providers/${id}`, { token: bob.accessToken });
      expect(read.status).toBe(200);
      expect(read.body.data.llmProvider.scope).toBe('global');

      const rename = await t.request('PUT', `/api/v1/llm-providers/${id}`, { token: bob.accessToken, body: { name: 'Hijacked' } });
      expect(rename.status).toBe(403);
      expect(rename.body.code).toBe('FORBIDDEN');
      const repoint = await t.request('PUT', `/api/v1/llm-providers/${id}`, {
        token: bob.accessToken,
        body: { apiEndpoint: 'https://attacker.example.com/v1' },
      });
      expect(repoint.status).toBe(403);
      expect((await t.request('DELETE', `/api/v1/llm-providers/${id}`, { token: bob.accessToken })).status).toBe(403);

      const byAdmin = await t.request('PUT', `/api/v1/llm-providers/${id}`, { token: admin, body: { name: 'Company OpenAI' } });
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body.data.llmProvider).toMatchObject({ name: 'Company OpenAI', apiEndpoint: null, scope: 'global' });
      expect((await t.request('DELETE', `/api/v1/llm-providers/${id}`, { token: admin })).status).toBe(200);
      expect((await t.request('GET', `/api/v1/llm-providers/${id}`, { token: bob.accessToken })).status).toBe(404);
    });

    it('rejects unknown fields in an update', async () => {
      const { id } = (await create(alice.accessToken, { name: 'Strict', type: 'openai' })).body.data.llmProvider;
      const response = await t.request('PUT', `/api/v1/llm-providers/${id}`, { token: alice.accessToken, body: { scope: 'global' } });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('scope');
    });
  });

  it('publishes the routes in the OpenAPI document under their tag', async () => {
    const document = (await t.request('GET', '/api/v1/openapi.json')).body;
    expect(document.paths['/api/v1/llm-providers'].post.tags).toEqual(['LLM providers']);
    expect(Object.keys(document.paths['/api/v1/llm-providers/{id}'])).toEqual(expect.arrayContaining(['get', 'put', 'delete']));
    expect(document.paths['/api/v1/llm-providers/{id}/models'].get.tags).toEqual(['LLM providers']);
  });
});
