import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface SourceBody {
  id: string;
  status: string;
  taskId: string;
  failureReason: string | null;
}

describe.each(backends)('knowledge items, links and grounding on %s', (backend) => {
  let t: TestApp;
  let token: string;
  let userId: string;

  const newKnowledgeBase = async (name: string, settings: object = {}) =>
    (await t.request('POST', '/api/v1/knowledge-bases', { token, body: { name, ...settings } })).body.data.knowledgeBase.id as string;
  const addItem = async (knowledgeBaseId: string, body: object): Promise<SourceBody> => {
    const response = await t.request('POST', `/api/v1/knowledge-bases/${knowledgeBaseId}/items`, { token, body });
    expect(response.status, response.text).toBe(201);
    return response.body.data.item;
  };
  const finished = async (knowledgeBaseId: string, item: SourceBody, taskId = item.taskId) => {
    const task = await vi.waitFor(
      async () => {
        const response = await t.request('GET', `/api/v1/tasks/${taskId}`, { token });
        expect(response.body.data.task.status).toBe('SUCCESS');
        return response.body.data.task;
      },
      { timeout: 10_000, interval: 50 },
    );
    const state = await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/items/${item.id}`, { token });
    expect(state.body.data.item.status).toBe('SUCCESS');
    return task;
  };
  const search = async (knowledgeBaseId: string, q: string) =>
    (await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/search?q=${encodeURIComponent(q)}`, { token })).body.data as {
      title: string;
      text: string;
    }[];

  beforeAll(async () => {
    t = await createTestApp(backend);
    const user = await t.signUp('editor');
    token = user.accessToken;
    userId = user.id;
  });
  afterAll(() => t.close());

  it('adds, updates and deletes text and question/answer items', async () => {
    const knowledgeBaseId = await newKnowledgeBase('FAQ');
    const qa = await addItem(knowledgeBaseId, { type: 'qa', question: 'Do you ship to Norway?', answer: 'Yes, within five working days.' });
    const text = await addItem(knowledgeBaseId, { type: 'text', title: 'Returns', content: 'Returns are free within 30 days of delivery.' });
    expect(qa).toMatchObject({ type: 'qa', status: expect.toBeOneOf(['PENDING', 'STARTED', 'SUCCESS']), question: 'Do you ship to Norway?' });
    await finished(knowledgeBaseId, qa);
    await finished(knowledgeBaseId, text);
    const [best] = await search(knowledgeBaseId, 'shipping to Norway');
    expect(best?.text).toContain('five working days');

    const updated = await t.request('PUT', `/api/v1/knowledge-bases/${knowledgeBaseId}/items/${text.id}`, {
      token,
      body: { content: 'Returns are free within 60 days of delivery.' },
    });
    expect(updated.status).toBe(200);
    await finished(knowledgeBaseId, text, updated.body.data.item.taskId);
    expect((await search(knowledgeBaseId, 'free returns days')).map((passage) => passage.text).join()).toContain('60 days');

    const unchanged = await t.request('PUT', `/api/v1/knowledge-bases/${knowledgeBaseId}/items/${text.id}`, {
      token,
      body: { content: 'Returns are free within 60 days of delivery.' },
    });
    expect(unchanged.body.data.item.taskId).toBe(updated.body.data.item.taskId);

    expect((await t.request('DELETE', `/api/v1/knowledge-bases/${knowledgeBaseId}/items/${qa.id}`, { token })).status).toBe(200);
    expect((await search(knowledgeBaseId, 'Norway')).map((passage) => passage.text).join()).not.toContain('Norway');
    const list = await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/items`, { token });
    expect(list.body.data.map((item: SourceBody) => item.id)).toEqual([text.id]);
  });

  it('refuses incomplete items', async () => {
    const knowledgeBaseId = await newKnowledgeBase('Strict');
    for (const body of [{ type: 'text' }, { type: 'qa', question: 'Why?' }, { type: 'note', content: 'x' }]) {
      const response = await t.request('POST', `/api/v1/knowledge-bases/${knowledgeBaseId}/items`, { token, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('adds links: validated, unique per knowledge base, fetched in the background through the guarded client', async () => {
    const knowledgeBaseId = await newKnowledgeBase('Web');
    for (const url of ['ftp://example.test/file', 'not a url', 'https://user:secret@example.test/']) {
      const response = await t.request('POST', `/api/v1/knowledge-bases/${knowledgeBaseId}/links`, { token, body: { url } });
      expect(response.status, url).toBe(400);
    }
    const created = await t.request('POST', `/api/v1/knowledge-bases/${knowledgeBaseId}/links`, {
      token,
      body: { url: 'http://127.0.0.1:9/internal#section', title: 'Internal', grabberEnabled: true },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.link).toMatchObject({ url: 'http://127.0.0.1:9/internal', title: 'Internal', grabberEnabled: true });
    // Read back after the job was queued; a refused address may already have failed it.
    expect(created.body.data.link.status).toBeOneOf(['PENDING', 'STARTED', 'FAILURE']);
    const again = await t.request('POST', `/api/v1/knowledge-bases/${knowledgeBaseId}/links`, { token, body: { url: 'http://127.0.0.1:9/internal' } });
    expect(again.status).toBe(409);

    const failed = await vi.waitFor(
      async () => {
        const [link] = (await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/links`, { token })).body.data;
        expect(link.status).toBe('FAILURE');
        return link;
      },
      { timeout: 15_000, interval: 100 },
    );
    expect(failed.failureReason).toEqual(expect.any(String));
    const linkId = created.body.data.link.id;
    expect((await t.request('DELETE', `/api/v1/knowledge-bases/${knowledgeBaseId}/links/${linkId}`, { token })).status).toBe(200);
    expect((await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/links`, { token })).body.data).toEqual([]);
  });

  it('grounds a chatbot in all its attached knowledge bases, numbered for citation', async () => {
    const chatbotId = (await t.request('POST', '/api/v1/chatbots', { token, body: { name: 'Concierge' } })).body.data.chatbot.id;
    const hotel = await newKnowledgeBase('Hotel', { topK: 2 });
    const spa = await newKnowledgeBase('Spa', { topK: 3, rerankingEnabled: true, topKAfterReranking: 1 });
    const unattached = await newKnowledgeBase('Unattached');
    const breakfast = await addItem(hotel, { type: 'text', title: 'Breakfast', content: 'Breakfast is served from 7 to 10 in the garden room.' });
    const sauna = await addItem(spa, { type: 'text', title: 'Sauna', content: 'The sauna opens at 7 and closes at 22; towels are at the desk.' });
    const secret = await addItem(unattached, { type: 'text', content: 'Breakfast in bed costs 25 euros.' });
    await Promise.all([finished(hotel, breakfast), finished(spa, sauna), finished(unattached, secret)]);
    for (const knowledgeBaseId of [hotel, spa]) {
      await t.request('PUT', `/api/v1/chatbots/${chatbotId}/knowledge-bases/${knowledgeBaseId}`, { token });
    }

    const { passages } = await t.app.services.knowledge.retriever.retrieveForChatbot(userId, chatbotId, 'When is breakfast served?');
    expect(passages.map((passage) => passage.index)).toEqual(passages.map((_, position) => position + 1));
    expect(passages[0]).toMatchObject({ title: 'Breakfast', knowledgeBaseId: hotel, source: { kind: 'item', id: breakfast.id } });
    expect(passages[0]?.text).toContain('garden room');
    expect(passages.length).toBeLessThanOrEqual(2);
    expect(passages.every((passage) => passage.knowledgeBaseId !== unattached)).toBe(true);

    await expect(t.app.services.knowledge.retriever.retrieveForChatbot('someone-else', chatbotId, 'breakfast')).rejects.toThrow(/Chatbot not found/);
  });
});
