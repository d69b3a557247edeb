import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { listen, postJson } from './conversation-client.js';

interface Ids {
  chatbot: string;
  conversation: string;
  answer: string;
}

/** Every conversation route that takes an id; the placeholders are filled in per case. */
const idRoutes: [method: string, path: string, body?: (ids: Ids) => object][] = [
  ['POST', '/chatbots/{chatbot}/conversation', () => ({ message: 'Hello' })],
  ['POST', '/chatbots/{chatbot}/conversation', (ids) => ({ conversationId: ids.conversation, message: 'Hello' })],
  ['POST', '/chatbots/{chatbot}/conversation', (ids) => ({ conversationId: ids.conversation, parentId: ids.answer, message: 'Hi' })],
  ['GET', '/chatbots/{chatbot}/conversation/history'],
  ['GET', '/chatbots/{chatbot}/conversation/history?conversationId={conversation}'],
  ['GET', '/chatbots/{chatbot}/conversations'],
  ['GET', '/conversations/{conversation}'],
  ['GET', '/conversations/{conversation}?view=branch&leafId={answer}'],
  ['DELETE', '/conversations/{conversation}'],
  ['POST', '/chatbots/{chatbot}/response-rating', (ids) => ({ messageId: ids.answer, rating: 'down' })],
];

function fill(path: string, ids: Ids): string {
  return `/api/v1${path.replace('{chatbot}', ids.chatbot).replace('{conversation}', ids.conversation).replace('{answer}', ids.answer)}`;
}

describe.each(backends)('conversation object-level authorization on %s', (backend) => {
  let t: TestApp;
  let alice: string;
  let bob: string;
  let alices: Ids;
  let bobsOwnChatbot: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    alice = (await t.signUp('alice')).accessToken;
    bob = (await t.signUp('bob')).accessToken;
    const chatbot = (await t.request('POST', '/api/v1/chatbots', { token: alice, body: { name: 'Private' } })).body.data.chatbot.id;
    const sent = await t.request('POST', `/api/v1/chatbots/${chatbot}/conversation`, { token: alice, body: { message: 'Hello' } });
    alices = { chatbot, conversation: sent.body.data.conversationId, answer: sent.body.data.message.id };
    bobsOwnChatbot = (await t.request('POST', '/api/v1/chatbots', { token: bob, body: { name: 'Mine' } })).body.data.chatbot.id;
  });
  afterAll(() => t.close());

  it.each(idRoutes)("answers another user's %s %s with 404", async (method, path, body) => {
    const response = await t.request(method, fill(path, alices), { token: bob, ...(body && { body: body(alices) }) });
    expect(response.status, response.text).toBe(404);
    expect(response.body).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
  });

  it("cannot reach another user's conversation or answer through the caller's own chatbot", async () => {
    const viaOwn = { ...alices, chatbot: bobsOwnChatbot };
    for (const [method, path, body] of idRoutes.filter(([, path]) => path.includes('{conversation}') || path.includes('rating'))) {
      if (!path.includes('{chatbot}')) continue;
      const response = await t.request(method, fill(path, viaOwn), { token: bob, ...(body && { body: body(viaOwn) }) });
      expect(response.status, `${method} ${path}: ${response.text}`).toBe(404);
    }
  });

  it("cannot stream another user's chatbot", async () => {
    const baseUrl = await listen(t);
    const response = await postJson(`${baseUrl}/chatbots/${alices.chatbot}/conversation`, bob, { message: 'Hello', stream: 'sse' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
  });

  it("left Alice's conversation untouched", async () => {
    const response = await t.request('GET', `/api/v1/conversations/${alices.conversation}`, { token: alice });
    expect(response.status).toBe(200);
    expect(response.body.data.messages).toHaveLength(2);
  });
});
