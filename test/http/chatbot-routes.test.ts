import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createTestProvider } from '../helpers/test-provider.js';

const fullConfiguration = {
  name: 'Support Bot',
  description: 'Answers questions about Acme anvils',
  instructions: 'Answer only from the documents.',
  goal: 'Help customers choose an anvil.',
  agentName: 'Ava',
  organisationName: 'Acme',
  organisationDescription: 'Acme makes anvils.',
  examples: [{ question: 'Do you ship abroad?', answer: 'Yes, to the EU.' }],
  greeting: 'Hi! Ask me about anvils.',
  suggestedQuestions: ['Which anvil is lightest?', 'How long is shipping?'],
  model: { providerId: '' as string | null, name: 'gpt-4o-mini', temperature: 0.7, maxTokens: 2048 },
};

describe.each(backends)('chatbot routes on %s', (backend) => {
  let t: TestApp;
  let alice: { id: string; accessToken: string };
  const create = (token: string, body: object) => t.request('POST', '/api/v1/chatbots', { token, body });

  beforeAll(async () => {
    t = await createTestApp(backend);
    alice = await t.signUp('alice');
    fullConfiguration.model.providerId = await createTestProvider(t, alice.accessToken);
  });
  afterAll(() => t.close());

  describe('POST /chatbots', () => {
    it('creates a chatbot from a name alone, with defaults for everything else', async () => {
      const response = await create(alice.accessToken, { name: '  Minimal  ' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        status: 'success',
        message: 'Chatbot created',
        data: {
          chatbot: {
            id: expect.any(String),
            ownerId: alice.id,
            name: 'Minimal',
            description: '',
            instructions: '',
            goal: '',
            agentName: '',
            organisationName: '',
            organisationDescription: '',
            examples: [],
            greeting: '',
            suggestedQuestions: [],
            model: { providerId: null, name: 'docent-offline', temperature: 0.2, maxTokens: 1024 },
            archivedAt: null,
            createdAt: expect.any(String),
            updatedAt: expect.any(String),
          },
        },
      });
    });

    it('stores every configuration field', async () => {
      const response = await create(alice.accessToken, fullConfiguration);
      expect(response.status).toBe(201);
      expect(response.body.data.chatbot).toMatchObject(fullConfiguration);
      expect(response.text).not.toContain('deletedAt');
    });

    it.each([
      ['an unknown field', { name: 'x', ownerId: 'someone-else' }, 'ownerId'],
      ['a client-chosen id', { name: 'x', id: 'mine' }, 'id'],
      ['a timestamp', { name: 'x', archivedAt: '2024-01-01T00:00:00.000Z' }, 'archivedAt'],
      ['no name', { description: 'nameless' }, 'name'],
      ['a blank name', { name: '   ' }, 'name'],
      ['a name over 200 characters', { name: 'n'.repeat(201) }, 'name'],
      ['instructions over 20,000 characters', { name: 'x', instructions: 'i'.repeat(20_001) }, 'instructions'],
      ['more than 100 examples', { name: 'x', examples: Array(101).fill({ question: 'q', answer: 'a' }) }, 'examples'],
      ['an example with an unknown field', { name: 'x', examples: [{ question: 'q', answer: 'a', score: 1 }] }, 'score'],
      ['an example without an answer', { name: 'x', examples: [{ question: 'q' }] }, 'answer'],
      ['a non-string suggested question', { name: 'x', suggestedQuestions: [42] }, 'suggestedQuestions'],
      ['a temperature above 2', { name: 'x', model: { temperature: 2.5 } }, 'temperature'],
      ['a negative temperature', { name: 'x', model: { temperature: -0.1 } }, 'temperature'],
      ['maxTokens of 0', { name: 'x', model: { maxTokens: 0 } }, 'maxTokens'],
      ['maxTokens above 32000', { name: 'x', model: { maxTokens: 32_001 } }, 'maxTokens'],
      ['a fractional maxTokens', { name: 'x', model: { maxTokens: 10.5 } }, 'maxTokens'],
      ['an unknown model field', { name: 'x', model: { apiKey: 'sk-secret' } }, 'apiKey'],
      ['a string where a number belongs', { name: 'x', model: { temperature: '1' } }, 'temperature'],
    ])('rejects %s with 400 VALIDATION_ERROR naming the field', async (_case, body, field) => {
      const response = await create(alice.accessToken, body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ status: 'error', message: expect.stringContaining(field), code: 'VALIDATION_ERROR' });
    });

    it('answers 401 without credentials', async () => {
      const response = await t.request('POST', '/api/v1/chatbots', { body: { name: 'x' } });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHORIZED');
    });
  });

  describe('GET /chatbots/:id', () => {
    it('returns the chatbot and 404 NOT_FOUND for an unknown id', async () => {
      const created = (await create(alice.accessToken, fullConfiguration)).body.data.chatbot;
      const response = await t.request('GET', `/api/v1/chatbots/${created.id}`, { token: alice.accessToken });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'success', data: { chatbot: created } });
      const unknownId = '00000000-0000-4000-8000-000000000000';
      const missing = await t.request('GET', `/api/v1/chatbots/${unknownId}`, { token: alice.accessToken });
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ status: 'error', message: 'Chatbot not found', code: 'NOT_FOUND' });
    });
  });

  describe('PUT /chatbots/:id', () => {
    it('changes only the fields given, including single model fields', async () => {
      const created = (await create(alice.accessToken, fullConfiguration)).body.data.chatbot;
      const response = await t.request('PUT', `/api/v1/chatbots/${created.id}`, {
        token: alice.accessToken,
        body: { goal: 'Sell more anvils.', suggestedQuestions: [], model: { temperature: 1.5, providerId: null } },
      });
      expect(response.status).toBe(200);
      expect(response.body.message).toBe('Chatbot updated');
      expect(response.body.data.chatbot).toEqual({
        ...created,
        goal: 'Sell more anvils.',
        suggestedQuestions: [],
        model: { ...created.model, temperature: 1.5, providerId: null },
        updatedAt: expect.any(String),
      });
      expect(response.body.data.chatbot.updatedAt >= created.updatedAt).toBe(true);
    });

    it.each([
      ['ownerId', { ownerId: 'someone-else' }],
      ['deletedAt', { deletedAt: null }],
      ['temperature', { model: { temperature: 9 } }],
      ['name', { name: '' }],
    ])('rejects %s with 400 and changes nothing', async (field, body) => {
      const created = (await create(alice.accessToken, { name: 'Stable' })).body.data.chatbot;
      const response = await t.request('PUT', `/api/v1/chatbots/${created.id}`, { token: alice.accessToken, body });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain(field);
      const after = await t.request('GET', `/api/v1/chatbots/${created.id}`, { token: alice.accessToken });
      expect(after.body.data.chatbot).toEqual(created);
    });
  });

  describe('DELETE /chatbots/:id', () => {
    it('soft-deletes: the chatbot is gone from every route and lookup', async () => {
      const created = (await create(alice.accessToken, { name: 'Doomed' })).body.data.chatbot;
      const deleted = await t.request('DELETE', `/api/v1/chatbots/${created.id}`, { token: alice.accessToken });
      expect(deleted.status).toBe(200);
      expect(deleted.body).toEqual({ status: 'success', message: 'Chatbot deleted', data: null });

      for (const [method, url] of [
        ['GET', `/api/v1/chatbots/${created.id}`],
        ['PUT', `/api/v1/chatbots/${created.id}`],
        ['DELETE', `/api/v1/chatbots/${created.id}`],
      ] as const) {
        const body = method === 'PUT' ? { name: 'Back' } : undefined;
        const response = await t.request(method, url, { token: alice.accessToken, body });
        expect(response.status, `${method} ${url}`).toBe(404);
      }
      const list = await t.request('GET', '/api/v1/chatbots?archived=all&limit=100', { token: alice.accessToken });
      expect(list.body.data.map((chatbot: { id: string }) => chatbot.id)).not.toContain(created.id);

      const row = await t.app.store.chatbots.findOwned(created.id, alice.id);
      expect(row).toBeUndefined();
    });
  });

  describe('GET /chatbots', () => {
    it('paginates with totals, newest first', async () => {
      const owner = await t.signUp('pager');
      for (let index = 1; index <= 5; index++) await create(owner.accessToken, { name: `Bot ${index}` });
      const pages = await Promise.all(
        [1, 2, 3].map((page) => t.request('GET', `/api/v1/chatbots?page=${page}&limit=2`, { token: owner.accessToken })),
      );
      expect(pages.map((page) => page.body.data.length)).toEqual([2, 2, 1]);
      for (const [index, page] of pages.entries()) {
        expect(page.body.pagination).toEqual({ total: 5, pages: 3, page: index + 1, limit: 2 });
      }
      const names = pages.flatMap((page) => page.body.data.map((chatbot: { name: string }) => chatbot.name));
      expect(new Set(names)).toEqual(new Set(['Bot 1', 'Bot 2', 'Bot 3', 'Bot 4', 'Bot 5']));
      const beyond = await t.request('GET', '/api/v1/chatbots?page=4&limit=2', { token: owner.accessToken });
      expect(beyond.body).toEqual({ status: 'success', data: [], pagination: { total: 5, pages: 3, page: 4, limit: 2 } });
    });

    it('searches names case-insensitively, treating % and _ literally', async () => {
      const owner = await t.signUp('searcher');
      for (const name of ['Sales Helper', 'HR helper', '100% Uptime', 'Other_bot', 'Otherxbot']) {
        await create(owner.accessToken, { name });
      }
      const search = async (term: string) => {
        const url = `/api/v1/chatbots?search=${encodeURIComponent(term)}`;
        const response = await t.request('GET', url, { token: owner.accessToken });
        expect(response.status).toBe(200);
        return response.body.data.map((chatbot: { name: string }) => chatbot.name).sort();
      };
      expect(await search('HELPER')).toEqual(['HR helper', 'Sales Helper']);
      expect(await search('%')).toEqual(['100% Uptime']);
      expect(await search('r_b')).toEqual(['Other_bot']);
      expect(await search('nothing')).toEqual([]);
    });

    it('rejects unknown query parameters and out-of-range paging', async () => {
      for (const query of ['owner=alice', 'limit=101', 'page=0', 'archived=maybe']) {
        const response = await t.request('GET', `/api/v1/chatbots?${query}`, { token: alice.accessToken });
        expect(response.status, query).toBe(400);
        expect(response.body.code).toBe('VALIDATION_ERROR');
        expect(response.body.message).toContain(query.split('=')[0]);
      }
    });

    it("lists only the caller's chatbots, for admins too", async () => {
      const adminToken = await t.loginAdmin();
      const adminBot = (await create(adminToken, { name: 'Admin bot' })).body.data.chatbot;
      const adminList = await t.request('GET', '/api/v1/chatbots?archived=all&limit=100', { token: adminToken });
      expect(adminList.body.data.map((chatbot: { id: string }) => chatbot.id)).toEqual([adminBot.id]);
      expect(adminList.body.pagination.total).toBe(1);

      const stranger = await t.signUp('stranger');
      const strangerList = await t.request('GET', '/api/v1/chatbots?archived=all', { token: stranger.accessToken });
      expect(strangerList.body).toEqual({ status: 'success', data: [], pagination: { total: 0, pages: 0, page: 1, limit: 20 } });
    });

    it('answers 401 without credentials', async () => {
      expect((await t.request('GET', '/api/v1/chatbots')).status).toBe(401);
    });
  });

  it('documents every assistant route in the OpenAPI document, tagged', async () => {
    const document = (await t.request('GET', '/api/v1/openapi.json')).body;
    const expected: [string, string, string][] = [
      ['/api/v1/chatbots', 'get', 'Chatbots'],
      ['/api/v1/chatbots', 'post', 'Chatbots'],
      ['/api/v1/chatbots/{id}', 'get', 'Chatbots'],
      ['/api/v1/chatbots/{id}', 'put', 'Chatbots'],
      ['/api/v1/chatbots/{id}', 'delete', 'Chatbots'],
      ['/api/v1/chatbots/{id}/duplicate', 'post', 'Chatbots'],
      ['/api/v1/chatbots/{id}/export', 'get', 'Chatbots'],
      ['/api/v1/chatbots/import', 'post', 'Chatbots'],
      ['/api/v1/chatbots/{id}/archive', 'post', 'Chatbots'],
      ['/api/v1/chatbots/{id}/restore', 'post', 'Chatbots'],
      ['/api/v1/chatbots/{id}/final-prompt', 'get', 'Chatbots'],
      ['/api/v1/chatbots/{chatbotId}/personalities', 'get', 'Personalities'],
      ['/api/v1/chatbots/{chatbotId}/personalities', 'post', 'Personalities'],
      ['/api/v1/chatbots/{chatbotId}/personalities/default', 'post', 'Personalities'],
      ['/api/v1/personalities/{id}', 'get', 'Personalities'],
      ['/api/v1/personalities/{id}', 'put', 'Personalities'],
      ['/api/v1/personalities/{id}', 'delete', 'Personalities'],
      ['/api/v1/personalities/{id}/default', 'post', 'Personalities'],
      ['/api/v1/personalities/{id}/prompt-modifier', 'get', 'Personalities'],
    ];
    for (const [path, method, tag] of expected) {
      expect(document.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual([tag]);
    }
    const create = document.paths['/api/v1/chatbots'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(['name']);
    expect(create.additionalProperties).toBe(false);
  });
});
