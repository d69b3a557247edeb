import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { annualReportPdf, multipartFile, officesWorkbook } from '../core/knowledge/knowledge-fixtures.js';
import { startOpenAiWireServer, type OpenAiWireServer } from '../helpers/openai-wire-server.js';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { listen, parseSse, postJson, textOf } from './conversation-client.js';

/**
 * The product's promise end to end: a chatbot with documents answers from them, cites where the
 * answer comes from, and says so when the documents do not hold the answer.
 */
describe.each(backends)('answers grounded in knowledge bases on %s', (backend) => {
  let t: TestApp;
  let upstream: OpenAiWireServer;
  let token: string;
  let baseUrl: string;
  let offlineChatbotId: string;
  let remoteChatbotId: string;

  const settledFile = async (knowledgeBaseId: string, name: string, bytes: Buffer) => {
    const { body, headers } = multipartFile(name, bytes);
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/knowledge-bases/${knowledgeBaseId}/files`,
      payload: body,
      headers: { ...headers, authorization: `Bearer ${token}` },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const taskId = uploaded.json().data.file.taskId as string;
    await vi.waitFor(
      async () => {
        const task = (await t.request('GET', `/api/v1/tasks/${taskId}`, { token })).body.data.task;
        expect(task.status).toBe('SUCCESS');
      },
      { timeout: 30_000, interval: 50 },
    );
  };

  const chatbotWithDocuments = async (model?: object): Promise<string> => {
    const chatbot = await t.request('POST', '/api/v1/chatbots', {
      token,
      body: { name: 'Northwind helper', agentName: 'Nora', instructions: 'Answer questions about Northwind.', ...(model && { model }) },
    });
    const chatbotId = chatbot.body.data.chatbot.id as string;
    const knowledgeBase = await t.request('POST', `/api/v1/chatbots/${chatbotId}/knowledge-bases`, {
      token,
      body: { name: 'Northwind documents' },
    });
    expect(knowledgeBase.status, knowledgeBase.text).toBe(201);
    const knowledgeBaseId = knowledgeBase.body.data.knowledgeBase.id as string;
    await settledFile(knowledgeBaseId, 'annual-report-2023.pdf', annualReportPdf());
    await settledFile(knowledgeBaseId, 'offices.xlsx', await officesWorkbook());
    return chatbotId;
  };

  beforeAll(async () => {
    upstream = await startOpenAiWireServer({ apiKey: 'sk-user-key-0123456789abcdef' });
    t = await createTestApp(backend, { ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${new URL(upstream.baseUrl).port}` });
    token = (await t.signUp('grounded')).accessToken;
    offlineChatbotId = await chatbotWithDocuments();
    const provider = await t.request('POST', '/api/v1/llm-providers', {
      token,
      body: { name: 'Loopback', type: 'openai-compatible', apiEndpoint: upstream.baseUrl },
    });
    const providerId = provider.body.data.llmProvider.id as string;
    await t.request('POST', '/api/v1/llm-configs', { token, body: { providerId, apiKey: 'sk-user-key-0123456789abcdef' } });
    remoteChatbotId = await chatbotWithDocuments({ providerId, name: 'llama3.1', temperature: 0.2, maxTokens: 300 });
    baseUrl = await listen(t);
  }, 120_000);
  afterAll(async () => {
    t.app.server.closeAllConnections();
    await Promise.all([t.close(), upstream.close()]);
  });

  it('the offline responder answers from a PDF page and cites it', async () => {
    const response = await t.request('POST', `/api/v1/chatbots/${offlineChatbotId}/conversation`, {
      token,
      body: { message: 'How much did revenue grow in 2023?' },
    });
    expect(response.status, response.text).toBe(200);
    const message = response.body.data.message;
    expect(message.content).toMatch(/12 percent/);
    expect(message.citations.length).toBeGreaterThan(0);
    expect(message.citations[0]).toMatchObject({ title: expect.stringMatching(/Annual Report|annual-report/i), location: expect.stringContaining('page 2') });
  });

  it('the offline responder answers a spreadsheet row over SSE with a source event', async () => {
    const response = await postJson(`${baseUrl}/chatbots/${offlineChatbotId}/conversation`, token, {
      message: 'What is the headcount of the Lisbon office?',
      stream: 'sse',
    });
    const events = parseSse(await response.text());
    expect(textOf(events)).toMatch(/57/);
    const sources = events.filter((event) => event.type === 'source');
    expect(sources.length).toBeGreaterThan(0);
    expect(JSON.stringify(sources)).toMatch(/Regions/);
    expect(events.at(-1)?.type).toBe('finish');
  });

  it('says it does not know when the documents do not hold the answer, and cites nothing', async () => {
    const response = await t.request('POST', `/api/v1/chatbots/${offlineChatbotId}/conversation`, {
      token,
      body: { message: 'What is the capital of Australia?' },
    });
    const message = response.body.data.message;
    expect(message.content).not.toMatch(/Canberra|Sydney/);
    expect(message.content).toMatch(/couldn't find|don't|do not|not (find|have|contain)|no information/i);
    expect(message.citations).toEqual([]);
  });

  it('a remote model gets the passages as fenced reference data and its [n] markers become sources', async () => {
    upstream.script({ kind: 'reply', text: 'Revenue grew by 12 percent [1].' });
    const response = await postJson(`${baseUrl}/chatbots/${remoteChatbotId}/conversation`, token, {
      message: 'How much did revenue grow?',
      stream: 'sse',
    });
    const events = parseSse(await response.text());
    expect(textOf(events)).toBe('Revenue grew by 12 percent [1].');
    const sources = events.filter((event) => event.type === 'source');
    expect(sources).toHaveLength(1);
    expect(JSON.stringify(sources[0])).toMatch(/page 2/);

    const sent = upstream.requests.at(-1)!.body.messages;
    const system = String(sent.find((entry) => entry.role === 'system')?.content);
    expect(system).toContain('Revenue grew by 12 percent to 4.2 billion euros');
    expect(system).toMatch(/<passage/);
    const stored = await t.request('GET', `/api/v1/conversations/${events[0]!.conversationId}`, { token });
    const answer = stored.body.data.messages.find((entry: { role: string }) => entry.role === 'assistant');
    expect(answer.citations).toHaveLength(1);
  });

  it("never grounds one user's chatbot in another user's documents", async () => {
    const stranger = await t.signUp('stranger');
    const chatbot = await t.request('POST', '/api/v1/chatbots', { token: stranger.accessToken, body: { name: 'Empty', instructions: 'Help.' } });
    const response = await t.request('POST', `/api/v1/chatbots/${chatbot.body.data.chatbot.id}/conversation`, {
      token: stranger.accessToken,
      body: { message: 'How much did revenue grow in 2023?' },
    });
    expect(response.body.data.message.content).not.toMatch(/12 percent/);
    expect(response.body.data.message.citations).toEqual([]);
  });
});
