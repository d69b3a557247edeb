import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface Ids {
  chatbot: string;
  personality: string;
}

/** Every assistant route that takes an id; `{chatbot}` and `{personality}` are filled in per case. */
const idRoutes: [method: string, path: string, body?: object][] = [
  ['GET', '/chatbots/{chatbot}'],
  ['PUT', '/chatbots/{chatbot}', { name: 'Taken over' }],
  ['DELETE', '/chatbots/{chatbot}'],
  ['POST', '/chatbots/{chatbot}/archive'],
  ['POST', '/chatbots/{chatbot}/restore'],
  ['POST', '/chatbots/{chatbot}/duplicate'],
  ['GET', '/chatbots/{chatbot}/export'],
  ['GET', '/chatbots/{chatbot}/final-prompt'],
  ['GET', '/chatbots/{chatbot}/personalities'],
  ['POST', '/chatbots/{chatbot}/personalities', { name: 'Intruder' }],
  ['POST', '/chatbots/{chatbot}/personalities/default'],
  ['GET', '/personalities/{personality}'],
  ['PUT', '/personalities/{personality}', { name: 'Taken over' }],
  ['DELETE', '/personalities/{personality}'],
  ['POST', '/personalities/{personality}/default'],
  ['GET', '/personalities/{personality}/prompt-modifier'],
];

const collectionRoutes: [method: string, path: string, body?: object][] = [
  ['GET', '/chatbots'],
  ['POST', '/chatbots', { name: 'x' }],
  ['POST', '/chatbots/import', {}],
];

const missing: Ids = {
  chatbot: '00000000-0000-4000-8000-000000000000',
  personality: '00000000-0000-4000-8000-000000000001',
};

function fill(path: string, ids: Ids): string {
  return `/api/v1${path.replace('{chatbot}', ids.chatbot).replace('{personality}', ids.personality)}`;
}

describe.each(backends)('assistant object-level authorization on %s', (backend) => {
  let t: TestApp;
  let alice: { id: string; accessToken: string };
  let bob: { id: string; accessToken: string };
  let alices: Ids;
  let deleted: Ids;

  async function chatbotWithPersonality(token: string, name: string): Promise<Ids> {
    const chatbot = (await t.request('POST', '/api/v1/chatbots', { token, body: { name } })).body.data.chatbot;
    const personality = (
      await t.request('POST', `/api/v1/chatbots/${chatbot.id}/personalities`, { token, body: { name: `${name} voice` } })
    ).body.data.personality;
    return { chatbot: chatbot.id, personality: personality.id };
  }

  beforeAll(async () => {
    t = await createTestApp(backend);
    alice = await t.signUp('alice');
    bob = await t.signUp('bob');
    alices = await chatbotWithPersonality(alice.accessToken, 'Alice bot');
    deleted = await chatbotWithPersonality(alice.accessToken, 'Deleted bot');
    expect((await t.request('DELETE', `/api/v1/chatbots/${deleted.chatbot}`, { token: alice.accessToken })).status).toBe(200);
  });
  afterAll(() => t.close());

  describe.each(idRoutes)('%s %s', (method, path, body) => {
    const call = (token: string | undefined, ids: Ids) => t.request(method, fill(path, ids), { token, body });

    it("answers another user's id exactly like a nonexistent one (404 NOT_FOUND)", async () => {
      const nonexistent = await call(bob.accessToken, missing);
      const foreign = await call(bob.accessToken, alices);
      expect(nonexistent.status).toBe(404);
      expect(nonexistent.body.code).toBe('NOT_FOUND');
      expect(foreign.status).toBe(404);
      expect(foreign.body).toEqual(nonexistent.body);
    });

    it("answers 404 for ids of the caller's own soft-deleted chatbot", async () => {
      const response = await call(alice.accessToken, deleted);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
    });

    it('answers 401 without credentials', async () => {
      const response = await call(undefined, alices);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHORIZED');
    });
  });

  it.each(collectionRoutes)('%s %s answers 401 without credentials', async (method, path, body) => {
    const response = await t.request(method, `/api/v1${path}`, { body });
    expect(response.status).toBe(401);
  });

  it("leaves the owner's chatbot and personality untouched after every foreign attempt", async () => {
    const chatbot = await t.request('GET', `/api/v1/chatbots/${alices.chatbot}`, { token: alice.accessToken });
    expect(chatbot.body.data.chatbot).toMatchObject({ name: 'Alice bot', archivedAt: null, ownerId: alice.id });
    const url = `/api/v1/chatbots/${alices.chatbot}/personalities`;
    const personalities = await t.request('GET', url, { token: alice.accessToken });
    expect(personalities.body.data).toEqual([
      expect.objectContaining({ id: alices.personality, name: 'Alice bot voice', isDefault: true }),
    ]);
    const bobsList = await t.request('GET', '/api/v1/chatbots?archived=all', { token: bob.accessToken });
    expect(bobsList.body.pagination.total).toBe(0);
  });

  it("keeps admins out of other users' chatbots on these routes", async () => {
    const adminToken = await t.loginAdmin();
    for (const [method, path, body] of idRoutes) {
      const response = await t.request(method, fill(path, alices), { token: adminToken, body });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
  });
});
