import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { annualReportPdf, multipartFile } from '../core/knowledge/knowledge-fixtures.js';

const sharedText = 'The emergency exit of the Rotterdam warehouse is behind loading dock seven.';

/** SECURITY §1: another user's knowledge base, source, task or chunk answers exactly like one that does not exist. */
describe.each(backends)('knowledge ownership on %s', (backend) => {
  let t: TestApp;
  let owner: string;
  let intruder: string;
  let knowledgeBaseId: string;
  let fileId: string;
  let itemId: string;
  let linkId: string;
  let taskId: string;
  let intruderChatbotId: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    owner = (await t.signUp('owner')).accessToken;
    intruder = (await t.signUp('intruder')).accessToken;
    knowledgeBaseId = (await t.request('POST', '/api/v1/knowledge-bases', { token: owner, body: { name: 'Private' } })).body.data.knowledgeBase.id;
    const { body, headers } = multipartFile('report.pdf', annualReportPdf());
    const file = (await t.request('POST', `/api/v1/knowledge-bases/${knowledgeBaseId}/files`, { token: owner, body, headers })).body.data.file;
    fileId = file.id;
    taskId = file.taskId;
    const item = await t.request('POST', `/api/v1/knowledge-bases/${knowledgeBaseId}/items`, {
      token: owner,
      body: { type: 'text', title: 'Safety', content: sharedText },
    });
    itemId = item.body.data.item.id;
    const link = await t.request('POST', `/api/v1/knowledge-bases/${knowledgeBaseId}/links`, { token: owner, body: { url: 'https://example.test/' } });
    linkId = link.body.data.link.id;
    intruderChatbotId = (await t.request('POST', '/api/v1/chatbots', { token: intruder, body: { name: 'Mine' } })).body.data.chatbot.id;
    await vi.waitFor(
      async () => {
        const state = await t.request('GET', `/api/v1/knowledge-bases/${knowledgeBaseId}/items/${itemId}`, { token: owner });
        expect(state.body.data.item.status).toBe('SUCCESS');
      },
      { timeout: 10_000, interval: 50 },
    );
  });
  afterAll(() => t.close());

  it('answers 404 to another user on every knowledge-base, source, task and search route', async () => {
    const base = `/api/v1/knowledge-bases/${knowledgeBaseId}`;
    const { body: fileBody, headers } = multipartFile('other.pdf', Buffer.from('%PDF-1.4 tiny'));
    const routes: [string, string, object?][] = [
      ['GET', base],
      ['PUT', base, { name: 'Stolen' }],
      ['DELETE', base],
      ['GET', `${base}/files`],
      ['GET', `${base}/files/${fileId}`],
      ['DELETE', `${base}/files/${fileId}`],
      ['GET', `${base}/items`],
      ['POST', `${base}/items`, { type: 'text', content: 'Injected' }],
      ['GET', `${base}/items/${itemId}`],
      ['PUT', `${base}/items/${itemId}`, { content: 'Changed' }],
      ['DELETE', `${base}/items/${itemId}`],
      ['GET', `${base}/links`],
      ['POST', `${base}/links`, { url: 'https://example.test/other' }],
      ['DELETE', `${base}/links/${linkId}`],
      ['GET', `${base}/search?q=warehouse`],
      ['GET', `/api/v1/tasks/${taskId}`],
      ['PUT', `/api/v1/chatbots/${intruderChatbotId}/knowledge-bases/${knowledgeBaseId}`],
      ['DELETE', `/api/v1/chatbots/${intruderChatbotId}/knowledge-bases/${knowledgeBaseId}`],
    ];
    for (const [method, url, body] of routes) {
      const response = await t.request(method, url, { token: intruder, ...(body && { body }) });
      expect(response.status, `${method} ${url}`).toBe(404);
      expect(response.body.code, `${method} ${url}`).toBe('NOT_FOUND');
    }
    for (const [method, url] of [['POST', `${base}/files`], ['PUT', `${base}/files/${fileId}`]] as const) {
      const response = await t.request(method, url, { token: intruder, body: fileBody, headers });
      expect(response.status, `${method} ${url}`).toBe(404);
    }
    const stillThere = await t.request('GET', `${base}/items/${itemId}`, { token: owner });
    expect(stillThere.body.data.item.content).toBe(sharedText);
    expect((await t.request('GET', `${base}/files/${fileId}`, { token: owner })).status).toBe(200);
  });

  it("never returns another tenant's chunks, even for identical text", async () => {
    const own = (await t.request('POST', '/api/v1/knowledge-bases', { token: intruder, body: { name: 'Copy' } })).body.data.knowledgeBase.id;
    const item = await t.request('POST', `/api/v1/knowledge-bases/${own}/items`, { token: intruder, body: { type: 'text', content: sharedText } });
    await vi.waitFor(
      async () => {
        const state = await t.request('GET', `/api/v1/knowledge-bases/${own}/items/${item.body.data.item.id}`, { token: intruder });
        expect(state.body.data.item.status).toBe('SUCCESS');
      },
      { timeout: 10_000, interval: 50 },
    );
    for (const method of ['hybrid', 'sparse', 'dense']) {
      const response = await t.request('GET', `/api/v1/knowledge-bases/${own}/search?q=emergency%20exit%20warehouse&method=${method}&topK=50`, {
        token: intruder,
      });
      expect(response.status).toBe(200);
      expect(response.body.data.length, method).toBeGreaterThan(0);
      for (const passage of response.body.data) {
        expect(passage.knowledgeBaseId).toBe(own);
        expect(passage.source.id).toBe(item.body.data.item.id);
      }
    }
    const retrieved = await t.app.services.knowledge.retriever.retrieveForChatbot(
      (await t.request('GET', '/api/v1/auth/me', { token: intruder })).body.data.user.id,
      intruderChatbotId,
      sharedText,
    );
    expect(retrieved.passages).toEqual([]);
  });
});
