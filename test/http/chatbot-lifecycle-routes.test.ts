import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createTestProvider } from '../helpers/test-provider.js';

describe.each(backends)('chatbot archive, duplicate and final-prompt routes on %s', (backend) => {
  let t: TestApp;
  let token: string;
  let providerId: string;

  const createChatbot = async (body: object) =>
    (await t.request('POST', '/api/v1/chatbots', { token, body })).body.data.chatbot as { id: string; name: string };
  const listIds = async (query: string) => {
    const response = await t.request('GET', `/api/v1/chatbots?limit=100${query}`, { token });
    return response.body.data.map((chatbot: { id: string }) => chatbot.id);
  };
  const finalPrompt = async (chatbotId: string): Promise<string> =>
    (await t.request('GET', `/api/v1/chatbots/${chatbotId}/final-prompt`, { token })).body.data.finalPrompt;
  const addPersonality = async (chatbotId: string, body: object) =>
    (await t.request('POST', `/api/v1/chatbots/${chatbotId}/personalities`, { token, body })).body.data.personality;

  beforeAll(async () => {
    t = await createTestApp(backend);
    token = (await t.signUp('alice')).accessToken;
    providerId = await createTestProvider(t, token);
  });
  afterAll(() => t.close());

  describe('POST /chatbots/:id/archive and /restore', () => {
    it('hides an archived chatbot from the default list and shows it with archived=true or all', async () => {
      const live = await createChatbot({ name: 'Live' });
      const shelved = await createChatbot({ name: 'Shelved' });
      const archived = await t.request('POST', `/api/v1/chatbots/${shelved.id}/archive`, { token });
      expect(archived.status).toBe(200);
      expect(archived.body.message).toBe('Chatbot archived');
      expect(Date.parse(archived.body.data.chatbot.archivedAt)).not.toBeNaN();

      expect(await listIds('')).toContain(live.id);
      expect(await listIds('')).not.toContain(shelved.id);
      expect(await listIds('&archived=false')).not.toContain(shelved.id);
      expect(await listIds('&archived=true')).toEqual([shelved.id]);
      expect(await listIds('&archived=all')).toEqual(expect.arrayContaining([live.id, shelved.id]));

      const fetched = await t.request('GET', `/api/v1/chatbots/${shelved.id}`, { token });
      expect(fetched.body.data.chatbot.archivedAt).toBe(archived.body.data.chatbot.archivedAt);
      const again = await t.request('POST', `/api/v1/chatbots/${shelved.id}/archive`, { token });
      expect(again.body.data.chatbot.archivedAt).toBe(archived.body.data.chatbot.archivedAt);

      const restored = await t.request('POST', `/api/v1/chatbots/${shelved.id}/restore`, { token });
      expect(restored.status).toBe(200);
      expect(restored.body.message).toBe('Chatbot restored');
      expect(restored.body.data.chatbot.archivedAt).toBeNull();
      expect(await listIds('')).toContain(shelved.id);
      expect(await listIds('&archived=true')).toEqual([]);
    });
  });

  describe('POST /chatbots/:id/duplicate', () => {
    it('copies the whole configuration and its personalities under a new id and "(Copy)" name', async () => {
      const source = await createChatbot({
        name: 'Original',
        instructions: 'Be brief.',
        examples: [{ question: 'Q?', answer: 'A.' }],
        suggestedQuestions: ['What now?'],
        model: { providerId, name: 'gpt-4o', temperature: 0.9, maxTokens: 500 },
      });
      const base = `/api/v1/chatbots/${source.id}/personalities`;
      await addPersonality(source.id, { name: 'Calm', tone: 'neutral', traits: ['calm'] });
      await addPersonality(source.id, { name: 'Lively', tone: 'enthusiastic', isDefault: true });
      await t.request('POST', `/api/v1/chatbots/${source.id}/archive`, { token });
      const sourcePersonalities = (await t.request('GET', base, { token })).body.data;

      const response = await t.request('POST', `/api/v1/chatbots/${source.id}/duplicate`, { token });
      expect(response.status).toBe(201);
      expect(response.body.message).toBe('Chatbot duplicated');
      const { chatbot, personalities } = response.body.data;
      const original = (await t.request('GET', `/api/v1/chatbots/${source.id}`, { token })).body.data.chatbot;
      expect(chatbot).toEqual({
        ...original,
        id: expect.not.stringMatching(source.id),
        name: 'Original (Copy)',
        archivedAt: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });

      const strip = (personality: Record<string, unknown>) => {
        const { id, chatbotId, createdAt, updatedAt, ...configuration } = personality;
        return configuration;
      };
      expect(personalities.map(strip)).toEqual(sourcePersonalities.map(strip));
      expect(personalities.every((personality: { chatbotId: string }) => personality.chatbotId === chatbot.id)).toBe(true);
      const sourceIds = sourcePersonalities.map((personality: { id: string }) => personality.id);
      expect(personalities.some((personality: { id: string }) => sourceIds.includes(personality.id))).toBe(false);
      const listed = (await t.request('GET', `/api/v1/chatbots/${chatbot.id}/personalities`, { token })).body.data;
      expect(listed).toEqual(personalities);
      expect((await t.request('GET', base, { token })).body.data).toEqual(sourcePersonalities);
    });

    it('keeps the copied name within 200 characters', async () => {
      const source = await createChatbot({ name: 'n'.repeat(200) });
      const copy = (await t.request('POST', `/api/v1/chatbots/${source.id}/duplicate`, { token })).body.data.chatbot;
      expect(copy.name).toHaveLength(200);
      expect(copy.name.endsWith(' (Copy)')).toBe(true);
    });
  });

  describe('GET /chatbots/:id/final-prompt', () => {
    it('renders identity, instructions, goal, examples and the default personality, without passages', async () => {
      const chatbot = await createChatbot({
        name: 'Prompted',
        agentName: 'Ava',
        organisationName: 'Acme',
        organisationDescription: 'Acme makes anvils.',
        instructions: 'Answer about anvils only.',
        goal: 'Sell anvils.',
        examples: [{ question: 'Heaviest anvil?', answer: 'The Titan, 200 kg.' }],
      });
      const bare = await t.request('GET', `/api/v1/chatbots/${chatbot.id}/final-prompt`, { token });
      expect(bare.status).toBe(200);
      expect(Object.keys(bare.body.data)).toEqual(['finalPrompt']);
      const prompt: string = bare.body.data.finalPrompt;
      const parts = ['You are Ava, the assistant of Acme.', 'Acme makes anvils.', 'Answer about anvils only.', 'Sell anvils.'];
      for (const part of [...parts, 'The Titan, 200 kg.']) expect(prompt).toContain(part);
      expect(prompt).not.toContain('# Personality');
      expect(prompt).not.toContain('<passage');

      await addPersonality(chatbot.id, { name: 'Formal', tone: 'formal' });
      const casual = await addPersonality(chatbot.id, { name: 'Casual', tone: 'casual' });
      expect(await finalPrompt(chatbot.id)).toContain('Use a formal tone');
      await t.request('POST', `/api/v1/personalities/${casual.id}/default`, { token });
      const casualPrompt = await finalPrompt(chatbot.id);
      expect(casualPrompt).toContain('Use a casual tone');
      expect(casualPrompt).not.toContain('Use a formal tone');
    });
  });
});
