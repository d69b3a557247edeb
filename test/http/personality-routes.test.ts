import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const pause = () => new Promise((resolve) => setTimeout(resolve, 3));

interface PersonalityBody {
  id: string;
  name: string;
  isDefault: boolean;
}

describe.each(backends)('personality routes on %s', (backend) => {
  let t: TestApp;
  let token: string;
  let chatbotId: string;

  const createPersonality = async (body: object) => {
    const response = await t.request('POST', `/api/v1/chatbots/${chatbotId}/personalities`, { token, body });
    expect(response.status, response.text).toBe(201);
    return response.body.data.personality as PersonalityBody;
  };
  const listPersonalities = async () =>
    (await t.request('GET', `/api/v1/chatbots/${chatbotId}/personalities`, { token })).body.data as PersonalityBody[];
  const defaults = async () => (await listPersonalities()).filter((personality) => personality.isDefault);

  beforeAll(async () => {
    t = await createTestApp(backend);
    token = (await t.signUp('alice')).accessToken;
  });
  beforeEach(async () => {
    chatbotId = (await t.request('POST', '/api/v1/chatbots', { token, body: { name: 'Voices' } })).body.data.chatbot.id;
  });
  afterAll(() => t.close());

  describe('POST /chatbots/:chatbotId/personalities', () => {
    it('creates a personality; the first one becomes the default', async () => {
      const response = await t.request('POST', `/api/v1/chatbots/${chatbotId}/personalities`, {
        token,
        body: {
          name: 'Expert',
          tone: 'professional',
          style: 'technical',
          traits: ['precise'],
          customInstructions: 'Cite standards.',
        },
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        status: 'success',
        message: 'Personality created',
        data: {
          personality: {
            id: expect.any(String),
            chatbotId,
            name: 'Expert',
            description: '',
            tone: 'professional',
            style: 'technical',
            traits: ['precise'],
            customInstructions: 'Cite standards.',
            isDefault: true,
            createdAt: expect.any(String),
            updatedAt: expect.any(String),
          },
        },
      });
      const second = await createPersonality({ name: 'Second' });
      expect(second).toMatchObject({ isDefault: false, tone: 'neutral', style: 'conversational', traits: [] });
    });

    it('makes a new personality created with isDefault the only default', async () => {
      await createPersonality({ name: 'First' });
      const second = await createPersonality({ name: 'Second', isDefault: true });
      expect(second.isDefault).toBe(true);
      expect((await defaults()).map((personality) => personality.id)).toEqual([second.id]);
    });

    it.each([
      ['an unknown tone', { name: 'x', tone: 'sarcastic' }, 'tone'],
      ['an unknown style', { name: 'x', style: 'verbose' }, 'style'],
      ['an unknown field', { name: 'x', chatbotId: 'other' }, 'chatbotId'],
      ['no name', { tone: 'casual' }, 'name'],
      ['more than 20 traits', { name: 'x', traits: Array(21).fill('kind') }, 'traits'],
      ['custom instructions over 4000 characters', { name: 'x', customInstructions: 'c'.repeat(4001) }, 'customInstructions'],
    ])('rejects %s with 400 naming the field', async (_case, body, field) => {
      const response = await t.request('POST', `/api/v1/chatbots/${chatbotId}/personalities`, { token, body });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ status: 'error', message: expect.stringContaining(field), code: 'VALIDATION_ERROR' });
      expect(await listPersonalities()).toEqual([]);
    });

    it('refuses more than 50 personalities per chatbot with 409 CONFLICT', async () => {
      for (let index = 0; index < 50; index++) await createPersonality({ name: `Voice ${index}` });
      const url = `/api/v1/chatbots/${chatbotId}/personalities`;
      const response = await t.request('POST', url, { token, body: { name: 'One too many' } });
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('CONFLICT');
    });
  });

  describe('POST /chatbots/:chatbotId/personalities/default', () => {
    it('creates a sensible default personality and makes it the only default', async () => {
      const existing = await createPersonality({ name: 'Existing' });
      const response = await t.request('POST', `/api/v1/chatbots/${chatbotId}/personalities/default`, { token });
      expect(response.status).toBe(201);
      expect(response.body.data.personality).toMatchObject({
        name: 'Default',
        tone: 'friendly',
        style: 'conversational',
        traits: ['helpful', 'patient', 'clear'],
        isDefault: true,
      });
      const list = await listPersonalities();
      expect(list.map((personality) => [personality.name, personality.isDefault])).toEqual([
        ['Default', true],
        [existing.name, false],
      ]);
    });
  });

  describe('GET /chatbots/:chatbotId/personalities', () => {
    it('lists the default first and is empty for a new chatbot', async () => {
      expect(await listPersonalities()).toEqual([]);
      await createPersonality({ name: 'A' });
      const b = await createPersonality({ name: 'B', isDefault: true });
      expect((await listPersonalities()).map((personality) => personality.id)[0]).toBe(b.id);
    });
  });

  describe('GET, PUT and DELETE /personalities/:id', () => {
    it('gets a personality', async () => {
      const created = await createPersonality({ name: 'Gettable', traits: ['calm'] });
      const response = await t.request('GET', `/api/v1/personalities/${created.id}`, { token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'success', data: { personality: created } });
    });

    it('updates only the fields given and keeps the default flag', async () => {
      const created = await createPersonality({ name: 'Before', tone: 'casual', traits: ['fun'] });
      const response = await t.request('PUT', `/api/v1/personalities/${created.id}`, {
        token,
        body: { name: 'After', style: 'simple' },
      });
      expect(response.status).toBe(200);
      expect(response.body.data.personality).toEqual({
        ...created,
        name: 'After',
        style: 'simple',
        updatedAt: expect.any(String),
      });
    });

    it.each([
      ['isDefault', { isDefault: false }],
      ['tone', { tone: 'angry' }],
      ['chatbotId', { chatbotId: 'elsewhere' }],
    ])('rejects %s in an update with 400', async (field, body) => {
      const created = await createPersonality({ name: 'Strict' });
      const response = await t.request('PUT', `/api/v1/personalities/${created.id}`, { token, body });
      expect(response.status).toBe(400);
      expect(response.body.message).toContain(field);
    });

    it('deletes a personality; when it was the default the oldest remaining one takes over', async () => {
      // Created in reverse name order, a millisecond apart, so only age can pick the successor.
      const first = await createPersonality({ name: 'Zulu' });
      await pause();
      const second = await createPersonality({ name: 'Yankee' });
      await pause();
      const third = await createPersonality({ name: 'Xray', isDefault: true });
      const response = await t.request('DELETE', `/api/v1/personalities/${third.id}`, { token });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'success', message: 'Personality deleted', data: null });
      expect((await defaults()).map((personality) => personality.id)).toEqual([first.id]);
      expect((await t.request('GET', `/api/v1/personalities/${third.id}`, { token })).status).toBe(404);
      expect((await t.request('DELETE', `/api/v1/personalities/${third.id}`, { token })).status).toBe(404);

      await t.request('DELETE', `/api/v1/personalities/${second.id}`, { token });
      expect((await defaults()).map((personality) => personality.id)).toEqual([first.id]);
      await t.request('DELETE', `/api/v1/personalities/${first.id}`, { token });
      expect(await listPersonalities()).toEqual([]);
    });
  });

  describe('POST /personalities/:id/default', () => {
    it('switches the default so that exactly one remains', async () => {
      const voices = [];
      for (const name of ['A', 'B', 'C']) voices.push(await createPersonality({ name }));
      for (const voice of [voices[2]!, voices[1]!, voices[1]!]) {
        const response = await t.request('POST', `/api/v1/personalities/${voice.id}/default`, { token });
        expect(response.status).toBe(200);
        expect(response.body.data.personality).toMatchObject({ id: voice.id, isDefault: true });
        expect((await defaults()).map((personality) => personality.id)).toEqual([voice.id]);
      }
    });

    it('keeps exactly one default under concurrent switches', async () => {
      const voices = [];
      for (let index = 0; index < 6; index++) voices.push(await createPersonality({ name: `Voice ${index}` }));
      const responses = await Promise.all(
        voices.map((voice) => t.request('POST', `/api/v1/personalities/${voice.id}/default`, { token })),
      );
      expect(responses.map((response) => response.status)).toEqual(voices.map(() => 200));
      expect(await defaults()).toHaveLength(1);
    });
  });

  describe('GET /personalities/:id/prompt-modifier', () => {
    it('renders tone, style and traits as instructions', async () => {
      const created = await createPersonality({
        name: 'Coach',
        tone: 'enthusiastic',
        style: 'concise',
        traits: ['encouraging', 'direct'],
        customInstructions: 'End with one next step.',
      });
      const response = await t.request('GET', `/api/v1/personalities/${created.id}/prompt-modifier`, { token });
      expect(response.status).toBe(200);
      expect(Object.keys(response.body.data)).toEqual(['promptModifier']);
      const { promptModifier } = response.body.data;
      expect(promptModifier).toContain('Use an enthusiastic tone');
      expect(promptModifier).toContain('Answer in a concise style');
      expect(promptModifier).toContain('encouraging, direct');
      expect(promptModifier).toContain('End with one next step.');
    });
  });
});
