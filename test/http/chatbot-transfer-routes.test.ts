import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createTestProvider } from '../helpers/test-provider.js';

const configuration = {
  name: 'Ünïcode "Bot" / ../../etc',
  description: 'Exports well',
  instructions: 'Answer from the handbook.',
  goal: 'Onboard new staff.',
  agentName: 'Hal',
  organisationName: 'Initech',
  organisationDescription: 'Makes TPS reports.',
  examples: [{ question: 'Where is the stapler?', answer: 'Ask Milton.' }],
  greeting: 'Welcome aboard!',
  suggestedQuestions: ['How do I file a TPS report?'],
  model: { providerId: '', name: 'claude-sonnet', temperature: 1.1, maxTokens: 3000 },
};

const blankPersonality = { description: '', traits: [], customInstructions: '', isDefault: false };

describe.each(backends)('chatbot export and import routes on %s', (backend) => {
  let t: TestApp;
  let alice: { id: string; accessToken: string };
  let bob: { id: string; accessToken: string };
  let chatbot: { id: string };
  let personalityIds: string[];

  beforeAll(async () => {
    t = await createTestApp(backend);
    alice = await t.signUp('alice');
    bob = await t.signUp('bob');
    const token = alice.accessToken;
    configuration.model.providerId = await createTestProvider(t, token);
    chatbot = (await t.request('POST', '/api/v1/chatbots', { token, body: configuration })).body.data.chatbot;
    personalityIds = [];
    for (const body of [
      { name: 'Mentor', tone: 'empathetic', style: 'detailed', traits: ['patient'], customInstructions: 'Encourage.' },
      { name: 'Terse', tone: 'professional', style: 'concise', isDefault: true },
    ]) {
      const created = await t.request('POST', `/api/v1/chatbots/${chatbot.id}/personalities`, { token, body });
      personalityIds.push(created.body.data.personality.id);
    }
  });
  afterAll(() => t.close());

  const exportChatbot = () => t.request('GET', `/api/v1/chatbots/${chatbot.id}/export`, { token: alice.accessToken });

  describe('GET /chatbots/:id/export', () => {
    it('downloads a JSON attachment with a safe file name and nosniff', async () => {
      const response = await exportChatbot();
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['content-disposition']).toBe('attachment; filename="unicode-bot-etc.docent.json"');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    });

    it('holds the full configuration and personalities, but no ids and no provider', async () => {
      const response = await exportChatbot();
      const { model, ...portable } = configuration;
      expect(response.body).toEqual({
        format: 'docent.chatbot',
        version: 1,
        exportedAt: expect.any(String),
        chatbot: { ...portable, model: { name: model.name, temperature: model.temperature, maxTokens: model.maxTokens } },
        personalities: [
          { ...blankPersonality, name: 'Terse', tone: 'professional', style: 'concise', isDefault: true },
          {
            ...blankPersonality,
            name: 'Mentor',
            tone: 'empathetic',
            style: 'detailed',
            traits: ['patient'],
            customInstructions: 'Encourage.',
          },
        ],
      });
      for (const secretOrId of [chatbot.id, alice.id, model.providerId, ...personalityIds]) {
        expect(response.text).not.toContain(secretOrId);
      }
      expect(response.text).not.toMatch(/"(id|ownerId|chatbotId|providerId)"/);
    });
  });

  describe('POST /chatbots/import', () => {
    it('round-trips an export into a new chatbot owned by the importer', async () => {
      const document = (await exportChatbot()).body;
      for (const importer of [alice, bob]) {
        const response = await t.request('POST', '/api/v1/chatbots/import', { token: importer.accessToken, body: document });
        expect(response.status).toBe(201);
        expect(response.body.message).toBe('Chatbot imported');
        const imported = response.body.data;
        expect(imported.chatbot.id).not.toBe(chatbot.id);
        expect(imported.chatbot.ownerId).toBe(importer.id);
        expect(imported.chatbot.model.providerId).toBeNull();

        const base = `/api/v1/chatbots/${imported.chatbot.id}`;
        const reexported = await t.request('GET', `${base}/export`, { token: importer.accessToken });
        expect({ ...reexported.body, exportedAt: null }).toEqual({ ...document, exportedAt: null });
        const listed = await t.request('GET', `${base}/personalities`, { token: importer.accessToken });
        expect(listed.body.data).toEqual(imported.personalities);
      }
    });

    it('makes the first personality the default when the file marks none', async () => {
      const document = (await exportChatbot()).body;
      document.personalities = document.personalities.map((personality: object) => ({ ...personality, isDefault: false }));
      const response = await t.request('POST', '/api/v1/chatbots/import', { token: bob.accessToken, body: document });
      expect(response.status).toBe(201);
      const flags = response.body.data.personalities.map((personality: { isDefault: boolean }) => personality.isDefault);
      expect(flags).toEqual([true, false]);
    });

    type Mutation = (document: any) => void;
    it.each<[string, Mutation, string]>([
      ['an unknown top-level field', (document) => (document.ownerId = 'x'), 'ownerId'],
      ['an unknown chatbot field', (document) => (document.chatbot.id = 'x'), 'id'],
      ['a provider id', (document) => (document.chatbot.model.providerId = 'p'), 'providerId'],
      ['another format', (document) => (document.format = 'other.tool'), 'format'],
      ['another version', (document) => (document.version = 2), 'version'],
      ['a missing chatbot field', (document) => delete document.chatbot.goal, 'goal'],
      ['a bad tone', (document) => (document.personalities[0].tone = 'snarky'), 'tone'],
      ['a temperature out of range', (document) => (document.chatbot.model.temperature = 5), 'temperature'],
      ['two defaults', (document) => document.personalities.forEach((voice: any) => (voice.isDefault = true)), 'isDefault'],
    ])('rejects a file with %s with 400 naming the field and creates nothing', async (_case, mutate, field) => {
      const document = (await exportChatbot()).body;
      mutate(document);
      const before = (await t.request('GET', '/api/v1/chatbots?archived=all', { token: bob.accessToken })).body.pagination.total;
      const response = await t.request('POST', '/api/v1/chatbots/import', { token: bob.accessToken, body: document });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ status: 'error', message: expect.stringContaining(field), code: 'VALIDATION_ERROR' });
      const after = (await t.request('GET', '/api/v1/chatbots?archived=all', { token: bob.accessToken })).body.pagination.total;
      expect(after).toBe(before);
    });
  });
});
