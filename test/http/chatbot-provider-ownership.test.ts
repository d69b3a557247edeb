import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/** A chatbot's model may only name a provider its owner can use (SECURITY.md §1: ids in bodies too). */
describe.each(backends)('the provider a chatbot names on %s', (backend) => {
  let t: TestApp;
  let owner: { accessToken: string };
  let stranger: { accessToken: string };
  let privateProviderId: string;
  let globalProviderId: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    owner = await t.signUp('provider-owner');
    stranger = await t.signUp('provider-stranger');
    const privateProvider = await t.request('POST', '/api/v1/llm-providers', {
      token: owner.accessToken,
      body: { name: 'Mine', type: 'openai-compatible', apiEndpoint: 'https://llm.example.com/v1' },
    });
    privateProviderId = privateProvider.body.data.llmProvider.id;
    const globalProvider = await t.request('POST', '/api/v1/llm-providers', {
      token: await t.loginAdmin(),
      body: { name: 'Shared', type: 'openai', scope: 'global' },
    });
    expect(globalProvider.status, globalProvider.text).toBe(201);
    globalProviderId = globalProvider.body.data.llmProvider.id;
  });
  afterAll(() => t.close());

  const model = (providerId: string) => ({ providerId, name: 'some-model', temperature: 0.2, maxTokens: 200 });

  it("refuses another user's private provider on create and update, as if it did not exist", async () => {
    const created = await t.request('POST', '/api/v1/chatbots', {
      token: stranger.accessToken,
      body: { name: 'Borrower', instructions: 'Help.', model: model(privateProviderId) },
    });
    expect(created.status).toBe(404);
    expect(created.body).toMatchObject({ status: 'error', code: 'NOT_FOUND' });

    const own = await t.request('POST', '/api/v1/chatbots', { token: stranger.accessToken, body: { name: 'Plain', instructions: 'Help.' } });
    const chatbotId = own.body.data.chatbot.id;
    const updated = await t.request('PUT', `/api/v1/chatbots/${chatbotId}`, {
      token: stranger.accessToken,
      body: { model: { providerId: privateProviderId } },
    });
    expect(updated.status).toBe(404);
    const unchanged = await t.request('GET', `/api/v1/chatbots/${chatbotId}`, { token: stranger.accessToken });
    expect(unchanged.body.data.chatbot.model.providerId).toBeNull();
  });

  it('accepts the owner\'s own provider and a global one', async () => {
    for (const [token, providerId] of [
      [owner.accessToken, privateProviderId],
      [stranger.accessToken, globalProviderId],
    ] as const) {
      const created = await t.request('POST', '/api/v1/chatbots', {
        token,
        body: { name: 'Allowed', instructions: 'Help.', model: model(providerId) },
      });
      expect(created.status, created.text).toBe(201);
      expect(created.body.data.chatbot.model.providerId).toBe(providerId);
    }
  });
});
