import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { multipartFile, officesWorkbook } from '../core/knowledge/knowledge-fixtures.js';

describe.each(backends)('knowledge base routes on %s', (backend) => {
  let t: TestApp;
  let token: string;

  const create = async (body: object, url = '/api/v1/knowledge-bases') => {
    const response = await t.request('POST', url, { token, body });
    expect(response.status, response.text).toBe(201);
    return response.body.data.knowledgeBase;
  };
  const createChatbot = async (name: string) =>
    (await t.request('POST', '/api/v1/chatbots', { token, body: { name } })).body.data.chatbot.id as string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    token = (await t.signUp('librarian')).accessToken;
  });
  afterAll(() => t.close());

  it('creates a knowledge base with seed 003 defaults and counts', async () => {
    const knowledgeBase = await create({ name: 'Handbook', description: 'Staff handbook' });
    expect(knowledgeBase).toEqual({
      id: expect.any(String),
      name: 'Handbook',
      description: 'Staff handbook',
      embeddingType: 'offline',
      embeddingModel: null,
      chunkSize: 512,
      chunkOverlap: 32,
      retrievalMethod: 'hybrid',
      sparseWeightage: 0.5,
      topK: 5,
      rerankingEnabled: false,
      topKAfterReranking: 3,
      updateInterval: 3600,
      filesCount: 0,
      spreadsheetsCount: 0,
      linksCount: 0,
      itemsCount: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const fetched = await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBase.id}`, { token });
    expect(fetched.body.data.knowledgeBase).toEqual(knowledgeBase);
  });

  it('lists the caller\'s knowledge bases, paginated, newest first, with counts', async () => {
    const other = await t.signUp('other-librarian');
    await t.request('POST', '/api/v1/knowledge-bases', { token: other.accessToken, body: { name: 'Not yours' } });
    const first = await create({ name: 'Counted' });
    await t.request('POST', `/api/v1/knowledge-bases/${first.id}/items`, { token, body: { type: 'text', content: 'Opening hours are 9 to 5.' } });
    await t.request('POST', `/api/v1/knowledge-bases/${first.id}/links`, { token, body: { url: 'http://127.0.0.1:9/page' } });
    const { body, headers } = multipartFile('offices.xlsx', await officesWorkbook());
    await t.request('POST', `/api/v1/knowledge-bases/${first.id}/files`, { token, body, headers });
    const second = await create({ name: 'Newest' });

    const page = await t.request('GET', '/api/v1/knowledge-bases?page=1&limit=2', { token });
    expect(page.status).toBe(200);
    expect(page.body.pagination).toEqual({ total: 3, pages: 2, page: 1, limit: 2 });
    expect(page.body.data.map((entry: { id: string }) => entry.id)).toEqual([second.id, first.id]);
    expect(page.body.data[1]).toMatchObject({ filesCount: 0, spreadsheetsCount: 1, linksCount: 1, itemsCount: 1 });
  });

  it('validates settings, alone and together', async () => {
    const cases: [object, RegExp][] = [
      [{ name: 'x', chunkSize: 10 }, /chunkSize/],
      [{ name: 'x', sparseWeightage: 1.5 }, /sparseWeightage/],
      [{ name: 'x', retrievalMethod: 'magic' }, /retrievalMethod/],
      [{ name: 'x', chunkSize: 128, chunkOverlap: 64 }, /chunkOverlap/],
      [{ name: 'x', topK: 2, rerankingEnabled: true, topKAfterReranking: 3 }, /topKAfterReranking/],
      [{ name: 'x', embeddingType: 'provider' }, /embeddingModel/],
      [{ name: 'x', ownerId: 'someone' }, /ownerId/],
    ];
    for (const [body, message] of cases) {
      const response = await t.request('POST', '/api/v1/knowledge-bases', { token, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringMatching(message) });
    }
    const missingProvider = await t.request('POST', '/api/v1/knowledge-bases', {
      token,
      body: { name: 'x', embeddingType: 'provider', embeddingModel: { providerId: 'nope', name: 'text-embedding-3-small' } },
    });
    expect(missingProvider.status).toBe(404);
  });

  it('updates a knowledge base; new chunking re-processes its sources in the background', async () => {
    const knowledgeBase = await create({ name: 'Policies' });
    const item = (
      await t.request('POST', `/api/v1/knowledge-bases/${knowledgeBase.id}/items`, {
        token,
        body: { type: 'text', title: 'Leave', content: 'Every employee gets 30 days of paid leave per year.' },
      })
    ).body.data.item;
    const itemState = async () => (await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBase.id}/items/${item.id}`, { token })).body.data.item;
    await vi.waitFor(async () => expect((await itemState()).status).toBe('SUCCESS'), { timeout: 10_000, interval: 50 });

    const renamed = await t.request('PUT', `/api/v1/knowledge-bases/${knowledgeBase.id}`, { token, body: { name: 'HR policies', topK: 8 } });
    expect(renamed.body.data.knowledgeBase).toMatchObject({ name: 'HR policies', topK: 8, chunkSize: 512 });
    expect((await itemState()).taskId).toBe(item.taskId);

    const rechunked = await t.request('PUT', `/api/v1/knowledge-bases/${knowledgeBase.id}`, { token, body: { chunkSize: 256, chunkOverlap: 16 } });
    expect(rechunked.status).toBe(200);
    const reprocessed = await vi.waitFor(
      async () => {
        const state = await itemState();
        expect(state.taskId).not.toBe(item.taskId);
        expect(state.status).toBe('SUCCESS');
        return state;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(reprocessed.taskId).toMatch(/-s2$/);
    const search = await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBase.id}/search?q=paid%20leave`, { token });
    expect(search.body.data[0].text).toContain('30 days');
  });

  it('deletes a knowledge base', async () => {
    const knowledgeBase = await create({ name: 'Temporary' });
    expect((await t.request('DELETE', `/api/v1/knowledge-bases/${knowledgeBase.id}`, { token })).body).toEqual({
      status: 'success',
      message: 'Knowledge base deleted',
      data: null,
    });
    expect((await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBase.id}`, { token })).status).toBe(404);
    expect((await t.request('DELETE', `/api/v1/knowledge-bases/${knowledgeBase.id}`, { token })).status).toBe(404);
  });

  it('attaches knowledge bases to chatbots many-to-many, and detaches them', async () => {
    const support = await createChatbot('Support');
    const sales = await createChatbot('Sales');
    const attached = await create({ name: 'Product manual' }, `/api/v1/chatbots/${support}/knowledge-bases`);
    const shared = await create({ name: 'Price list' });

    for (const chatbot of [support, sales]) {
      const response = await t.request('PUT', `/api/v1/chatbots/${chatbot}/knowledge-bases/${shared.id}`, { token });
      expect(response.status).toBe(200);
      expect(response.body.data.knowledgeBase.id).toBe(shared.id);
    }
    await t.request('PUT', `/api/v1/chatbots/${sales}/knowledge-bases/${shared.id}`, { token });
    const names = async (chatbot: string) =>
      (await t.request('GET', `/api/v1/chatbots/${chatbot}/knowledge-bases`, { token })).body.data.map((entry: { name: string }) => entry.name);
    expect(await names(support)).toEqual(['Product manual', 'Price list']);
    expect(await names(sales)).toEqual(['Price list']);

    expect((await t.request('DELETE', `/api/v1/chatbots/${support}/knowledge-bases/${attached.id}`, { token })).status).toBe(200);
    expect(await names(support)).toEqual(['Price list']);
    expect((await t.request('DELETE', `/api/v1/chatbots/${support}/knowledge-bases/${attached.id}`, { token })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/knowledge-bases/${attached.id}`, { token })).status).toBe(200);

    await t.request('DELETE', `/api/v1/knowledge-bases/${shared.id}`, { token });
    expect(await names(sales)).toEqual([]);
  });
});
