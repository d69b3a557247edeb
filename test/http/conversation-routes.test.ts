import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { listen, parseNdjson, parseSse, postJson, textOf } from './conversation-client.js';

const examples = [
  { question: 'What are your opening hours?', answer: 'We are open Monday to Saturday, 9am to 6pm.' },
  { question: 'Do you ship internationally?', answer: 'Yes, we ship to over 40 countries.' },
];

describe.each(backends)('conversation routes with the offline responder on %s', (backend) => {
  let t: TestApp;
  let token: string;
  let chatbotId: string;
  let baseUrl: string;

  const send = (body: object, headers?: Record<string, string>) =>
    t.request('POST', `/api/v1/chatbots/${chatbotId}/conversation`, { token, body, ...(headers && { headers }) });
  const sent = async (body: object) => {
    const response = await send(body);
    expect(response.status, response.text).toBe(200);
    return response.body.data;
  };
  const branch = async (conversationId: string, leafId?: string) => {
    const query = leafId ? `view=branch&leafId=${leafId}` : 'view=branch';
    const response = await t.request('GET', `/api/v1/conversations/${conversationId}?${query}`, { token });
    expect(response.status, response.text).toBe(200);
    return (response.body.data.messages as { role: string; content: string }[]).map((message) => `${message.role}: ${message.content}`);
  };

  beforeAll(async () => {
    t = await createTestApp(backend);
    token = (await t.signUp('alice')).accessToken;
    const created = await t.request('POST', '/api/v1/chatbots', {
      token,
      body: { name: 'Shop helper', agentName: 'Ava', organisationName: 'Northwind', examples },
    });
    chatbotId = created.body.data.chatbot.id;
    baseUrl = await listen(t);
  });
  afterAll(() => t.close());

  describe('POST /chatbots/:id/conversation as JSON', () => {
    it("answers a question matching an example with the example's answer", async () => {
      const response = await send({ message: 'What are your opening hours?' });
      expect(response.status, response.text).toBe(200);
      expect(response.body).toEqual({
        status: 'success',
        data: {
          conversationId: expect.any(String),
          title: 'What are your opening hours?',
          userMessage: expect.objectContaining({ role: 'user', content: 'What are your opening hours?', parentId: null, status: 'complete' }),
          message: {
            id: expect.any(String),
            conversationId: response.body.data.conversationId,
            parentId: response.body.data.userMessage.id,
            role: 'assistant',
            content: examples[0]!.answer,
            status: 'complete',
            error: null,
            model: { name: 'docent-offline', providerType: 'offline' },
            finishReason: 'stop',
            usage: { inputTokens: expect.any(Number), outputTokens: expect.any(Number), totalTokens: expect.any(Number), estimated: false },
            latency: { firstTokenMs: expect.any(Number), totalMs: expect.any(Number) },
            citations: [],
            createdAt: expect.any(String),
            completedAt: expect.any(String),
          },
          citations: [],
        },
      });
    });

    it('says it does not know when nothing it has answers the question, and invents nothing', async () => {
      const data = await sent({ message: 'What is the boiling point of mercury on Venus?' });
      expect(data.message.status).toBe('complete');
      expect(data.message.content).toMatch(/couldn't find an answer|don't have|rather not guess/i);
      expect(data.message.content).not.toMatch(/\d+\s*°|degrees/i);
    });

    it('continues the current branch and keeps the title of the first question', async () => {
      const first = await sent({ message: 'Do you ship internationally? I live far away from everything, in a very remote place' });
      expect(first.title).toBe('Do you ship internationally? I live far away from…');
      expect(first.title.length).toBeLessThanOrEqual(60);
      const second = await sent({ conversationId: first.conversationId, message: 'What are your opening hours?' });
      expect(second.title).toBe(first.title);
      expect(second.userMessage.parentId).toBe(first.message.id);
      expect(await branch(first.conversationId)).toHaveLength(4);
    });

    it('refuses an archived chatbot with 409 and a deleted one with 404', async () => {
      const other = (await t.request('POST', '/api/v1/chatbots', { token, body: { name: 'Old' } })).body.data.chatbot.id;
      await t.request('POST', `/api/v1/chatbots/${other}/archive`, { token });
      const archived = await t.request('POST', `/api/v1/chatbots/${other}/conversation`, { token, body: { message: 'Hi' } });
      expect(archived.status).toBe(409);
      expect(archived.body).toMatchObject({ status: 'error', code: 'CONFLICT', message: expect.stringMatching(/archived/) });
      await t.request('DELETE', `/api/v1/chatbots/${other}`, { token });
      const deleted = await t.request('POST', `/api/v1/chatbots/${other}/conversation`, { token, body: { message: 'Hi' } });
      expect(deleted.status).toBe(404);
    });

    it.each([
      [{}, 'body.message is required'],
      [{ message: 'x', parentId: null }, 'conversationId is required'],
      [{ message: 'x', stream: 'xml' }, 'body.stream'],
      [{ message: 'x', unknown: 1 }, 'not an allowed field'],
    ])('rejects %j', async (body, message) => {
      const response = await send(body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringContaining(message) });
    });
  });

  describe('streaming', () => {
    it('streams SSE: message-start, text-delta, finish, with event names equal to the types', async () => {
      const response = await postJson(`${baseUrl}/chatbots/${chatbotId}/conversation`, token, { message: 'What are your opening hours?', stream: true });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      const body = await response.text();
      expect(body).toMatch(/^event: message-start\ndata: \{.*\}\n\n/);
      const events = parseSse(body);
      expect(events.map((event) => event.type)).toEqual(['message-start', ...events.slice(1, -1).map(() => 'text-delta'), 'finish']);
      const [start] = events;
      expect(start).toEqual({
        type: 'message-start',
        conversationId: expect.any(String),
        title: 'What are your opening hours?',
        userMessageId: expect.any(String),
        assistantMessageId: expect.any(String),
      });
      expect(textOf(events)).toBe(examples[0]!.answer);
      expect(events.at(-1)).toMatchObject({ type: 'finish', messageId: start!.assistantMessageId, finishReason: 'stop', usage: { totalTokens: expect.any(Number) } });

      const stored = await t.request('GET', `/api/v1/conversations/${start!.conversationId}`, { token });
      expect(stored.body.data.messages.map((message: { id: string; status: string }) => [message.id, message.status])).toEqual([
        [start!.userMessageId, 'complete'],
        [start!.assistantMessageId, 'complete'],
      ]);
    });

    it('streams NDJSON when asked in the body or by Accept', async () => {
      for (const [body, headers] of [
        [{ message: 'Do you ship internationally?', stream: 'ndjson' }, {}],
        [{ message: 'Do you ship internationally?', stream: true }, { accept: 'application/x-ndjson' }],
        [{ message: 'Do you ship internationally?' }, { accept: 'application/x-ndjson' }],
      ] as const) {
        const response = await postJson(`${baseUrl}/chatbots/${chatbotId}/conversation`, token, body, headers);
        expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
        const events = parseNdjson(await response.text());
        expect(events[0]?.type).toBe('message-start');
        expect(events.at(-1)?.type).toBe('finish');
        expect(textOf(events)).toBe(examples[1]!.answer);
      }
    });

    it('streams SSE when Accept asks for it and the body does not say', async () => {
      const response = await postJson(`${baseUrl}/chatbots/${chatbotId}/conversation`, token, { message: 'Hello' }, { accept: 'text/event-stream' });
      expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(parseSse(await response.text()).at(-1)?.type).toBe('finish');
    });

    it('answers errors found before the turn starts in the JSON error envelope', async () => {
      const response = await postJson(`${baseUrl}/chatbots/${chatbotId}/conversation`, token, { conversationId: 'missing', message: 'x', stream: true });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ status: 'error', code: 'NOT_FOUND' });
    });
  });

  describe('branching', () => {
    it('makes siblings by editing a question and by regenerating an answer, each branch with its own history', async () => {
      const first = await sent({ message: 'Hello' });
      const conversationId = first.conversationId;
      const second = await sent({ conversationId, message: 'What are your opening hours?' });

      const edited = await sent({ conversationId, parentId: second.userMessage.parentId, message: 'Do you ship internationally?' });
      expect(edited.userMessage.parentId).toBe(first.message.id);
      expect(edited.message.content).toBe(examples[1]!.answer);

      const regenerated = await sent({ conversationId, parentId: second.userMessage.id, regenerate: true });
      expect(regenerated.userMessage.id).toBe(second.userMessage.id);
      expect(regenerated.message.parentId).toBe(second.userMessage.id);
      expect(regenerated.message.id).not.toBe(second.message.id);

      const hello = [`user: Hello`, `assistant: ${first.message.content}`];
      expect(await branch(conversationId, edited.message.id)).toEqual([...hello, 'user: Do you ship internationally?', `assistant: ${examples[1]!.answer}`]);
      expect(await branch(conversationId, second.message.id)).toEqual([...hello, 'user: What are your opening hours?', `assistant: ${examples[0]!.answer}`]);
      expect(await branch(conversationId)).toEqual([...hello, 'user: What are your opening hours?', `assistant: ${examples[0]!.answer}`]);
      const current = await t.request('GET', `/api/v1/conversations/${conversationId}?view=branch`, { token });
      expect(current.body.data.conversation.currentMessageId).toBe(regenerated.message.id);

      const tree = (await t.request('GET', `/api/v1/conversations/${conversationId}`, { token })).body.data.messages as { id: string; parentId: string | null }[];
      expect(tree).toHaveLength(7);
      expect(tree.filter((message) => message.parentId === first.message.id)).toHaveLength(2);
      expect(tree.filter((message) => message.parentId === second.userMessage.id)).toHaveLength(2);

      const newRoot = await sent({ conversationId, parentId: null, message: 'Do you ship internationally?' });
      expect(newRoot.userMessage.parentId).toBeNull();
      expect(await branch(conversationId)).toEqual(['user: Do you ship internationally?', `assistant: ${examples[1]!.answer}`]);
    });

    it('checks what a parentId may name', async () => {
      const first = await sent({ message: 'Hello' });
      const { conversationId } = first;
      const onQuestion = await send({ conversationId, parentId: first.userMessage.id, message: 'x' });
      expect(onQuestion.status).toBe(400);
      const regenerateAnswer = await send({ conversationId, parentId: first.message.id, regenerate: true });
      expect(regenerateAnswer.status).toBe(400);
      const regenerateWithText = await send({ conversationId, parentId: first.userMessage.id, regenerate: true, message: 'x' });
      expect(regenerateWithText.status).toBe(400);
      const unknown = await send({ conversationId, parentId: '00000000-0000-4000-8000-000000000000', message: 'x' });
      expect(unknown.status).toBe(404);
      const elsewhere = await sent({ message: 'Hello' });
      const foreignParent = await send({ conversationId, parentId: elsewhere.message.id, message: 'x' });
      expect(foreignParent.status).toBe(404);
    });
  });

  describe('history, lists and deletion', () => {
    it('pages through the current branch, and lists conversations without conversationId', async () => {
      const first = await sent({ message: 'Hello' });
      await sent({ conversationId: first.conversationId, message: 'What are your opening hours?' });
      const url = `/api/v1/chatbots/${chatbotId}/conversation/history?conversationId=${first.conversationId}&limit=3`;
      const page1 = await t.request('GET', url, { token });
      expect(page1.status).toBe(200);
      expect(page1.body.pagination).toEqual({ total: 4, pages: 2, page: 1, limit: 3 });
      expect(page1.body.data.map((message: { role: string }) => message.role)).toEqual(['user', 'assistant', 'user']);
      const page2 = await t.request('GET', `${url}&page=2`, { token });
      expect(page2.body.data.map((message: { role: string }) => message.role)).toEqual(['assistant']);

      const conversations = await t.request('GET', `/api/v1/chatbots/${chatbotId}/conversation/history?limit=100`, { token });
      expect(conversations.body.data.map((conversation: { id: string }) => conversation.id)).toContain(first.conversationId);
      expect(conversations.body.data[0]).toMatchObject({ id: expect.any(String), title: expect.any(String), chatbotId });
    });

    it('lists a chatbot\'s conversations, newest activity first, and deletes one', async () => {
      const older = await sent({ message: 'Hello' });
      const newer = await sent({ message: 'Do you ship internationally?' });
      const list = await t.request('GET', `/api/v1/chatbots/${chatbotId}/conversations?limit=2`, { token });
      expect(list.body.data.map((conversation: { id: string }) => conversation.id)).toEqual([newer.conversationId, older.conversationId]);
      expect(list.body.pagination.limit).toBe(2);

      const deleted = await t.request('DELETE', `/api/v1/conversations/${older.conversationId}`, { token });
      expect(deleted.body).toEqual({ status: 'success', message: 'Conversation deleted', data: null });
      expect((await t.request('GET', `/api/v1/conversations/${older.conversationId}`, { token })).status).toBe(404);
      expect((await t.request('DELETE', `/api/v1/conversations/${older.conversationId}`, { token })).status).toBe(404);
    });
  });

  describe('end users', () => {
    it('links conversations to end users and keeps each end user to their own', async () => {
      const carol = await sent({ message: 'Hello', endUserId: 'carol-42' });
      const dave = await sent({ message: 'Hello', endUserId: 'dave-7' });
      const again = await sent({ message: 'Do you ship internationally?', endUserId: 'carol-42' });

      const carols = await t.request('GET', `/api/v1/chatbots/${chatbotId}/conversations?endUserId=carol-42`, { token });
      expect(carols.body.data.map((conversation: { id: string }) => conversation.id).sort()).toEqual([carol.conversationId, again.conversationId].sort());
      expect(carols.body.data[0].endUser).toEqual({ kind: 'api', externalId: 'carol-42' });
      const nobody = await t.request('GET', `/api/v1/chatbots/${chatbotId}/conversations?endUserId=nobody`, { token });
      expect(nobody.body.data).toEqual([]);

      const hijack = await send({ conversationId: dave.conversationId, endUserId: 'carol-42', message: 'Hi' });
      expect(hijack.status).toBe(404);
      const asDave = await send({ conversationId: dave.conversationId, endUserId: 'dave-7', message: 'Hi' });
      expect(asDave.status).toBe(200);
    });
  });

  describe('POST /chatbots/:id/response-rating', () => {
    it('creates a rating, then updates the same rater\'s rating in place', async () => {
      const { message } = await sent({ message: 'What are your opening hours?' });
      const url = `/api/v1/chatbots/${chatbotId}/response-rating`;
      const created = await t.request('POST', url, { token, body: { messageId: message.id, rating: 'up', score: 5 } });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        status: 'success',
        message: 'Rating saved',
        data: {
          rating: {
            id: expect.any(String),
            messageId: message.id,
            rating: 'up',
            score: 5,
            comment: null,
            createdAt: expect.any(String),
            updatedAt: expect.any(String),
          },
        },
      });
      const updated = await t.request('POST', url, { token, body: { messageId: message.id, rating: 'down', comment: 'Too short' } });
      expect(updated.status).toBe(200);
      expect(updated.body.data.rating).toMatchObject({ id: created.body.data.rating.id, rating: 'down', score: null, comment: 'Too short' });

      const byEndUser = await t.request('POST', url, { token, body: { messageId: message.id, rating: 'up', endUserId: 'carol-42' } });
      expect(byEndUser.status).toBe(201);
      expect(byEndUser.body.data.rating.id).not.toBe(created.body.data.rating.id);
    });

    it.each([
      ['no messageId', () => ({ rating: 'up' })],
      ['an unknown rating', (messageId: string) => ({ messageId, rating: 'meh' })],
      ['a score below 1', (messageId: string) => ({ messageId, rating: 'up', score: 0 })],
      ['a score above 5', (messageId: string) => ({ messageId, rating: 'up', score: 6 })],
      ['a fractional score', (messageId: string) => ({ messageId, rating: 'up', score: 2.5 })],
      ['an overlong comment', (messageId: string) => ({ messageId, rating: 'up', comment: 'x'.repeat(2001) })],
    ])('rejects a rating with %s', async (_case, body) => {
      const { message } = await sent({ message: 'Hello' });
      const response = await t.request('POST', `/api/v1/chatbots/${chatbotId}/response-rating`, { token, body: body(message.id) });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_ERROR');
    });

    it('rates answers only, and only of this chatbot', async () => {
      const { message, userMessage } = await sent({ message: 'Hello' });
      const question = await t.request('POST', `/api/v1/chatbots/${chatbotId}/response-rating`, { token, body: { messageId: userMessage.id, rating: 'up' } });
      expect(question.status).toBe(400);
      const other = (await t.request('POST', '/api/v1/chatbots', { token, body: { name: 'Other' } })).body.data.chatbot.id;
      const wrongChatbot = await t.request('POST', `/api/v1/chatbots/${other}/response-rating`, { token, body: { messageId: message.id, rating: 'up' } });
      expect(wrongChatbot.status).toBe(404);
    });
  });
});
