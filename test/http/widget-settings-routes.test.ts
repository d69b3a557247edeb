import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createChatbot, createWidgetKey, returnsAssistant, widgetRequest } from './widget-fixtures.js';

const validSettings = {
  title: 'Ask Shop',
  primaryColor: '#0F766E',
  textColor: '#fff',
  position: 'bottom-left',
  launcherText: 'Questions?',
  avatarUrl: 'https://cdn.shop.example/avatar.png',
  greeting: 'Welcome to the shop!',
  suggestedQuestions: ['Where is my order?'],
};

describe.each(backends)('widget settings routes on %s', (backend) => {
  let t: TestApp;
  let token: string;
  let chatbotId: string;
  const url = () => `/api/v1/chatbots/${chatbotId}/widget-settings`;

  beforeAll(async () => {
    t = await createTestApp(backend);
    token = (await t.signUp('alice')).accessToken;
    chatbotId = await createChatbot(t, token);
  });
  afterAll(() => t.close());

  it('starts from defaults titled with the chatbot name', async () => {
    const response = await t.request('GET', url(), { token });
    expect(response.status).toBe(200);
    expect(response.body.data.widgetSettings).toEqual({
      title: returnsAssistant.name,
      primaryColor: '#2563eb',
      textColor: '#ffffff',
      position: 'bottom-right',
      avatarUrl: null,
      launcherText: 'Chat with us',
      greeting: null,
      suggestedQuestions: null,
    });
  });

  it('saves the appearance, and the widget configuration follows it', async () => {
    const saved = await t.request('PUT', url(), { token, body: validSettings });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.data.widgetSettings).toEqual({ ...validSettings, primaryColor: '#0f766e' });
    expect((await t.request('GET', url(), { token })).body.data.widgetSettings).toEqual(saved.body.data.widgetSettings);

    const key = await createWidgetKey(t, token, chatbotId);
    const config = await widgetRequest(t, 'GET', '/config', { key: key.key });
    expect(config.body.data).toEqual({
      assistant: {
        id: chatbotId,
        name: returnsAssistant.name,
        greeting: 'Welcome to the shop!',
        suggestedQuestions: ['Where is my order?'],
      },
      appearance: {
        title: 'Ask Shop',
        primaryColor: '#0f766e',
        textColor: '#fff',
        position: 'bottom-left',
        avatarUrl: 'https://cdn.shop.example/avatar.png',
        launcherText: 'Questions?',
      },
    });
  });

  it("replaces everything: overrides left out fall back to the chatbot's own greeting and questions", async () => {
    const { greeting: _greeting, suggestedQuestions: _questions, avatarUrl: _avatar, ...required } = validSettings;
    const response = await t.request('PUT', url(), { token, body: required });
    expect(response.body.data.widgetSettings).toMatchObject({ avatarUrl: null, greeting: null, suggestedQuestions: null });
    const key = await createWidgetKey(t, token, chatbotId);
    const config = await widgetRequest(t, 'GET', '/config', { key: key.key });
    expect(config.body.data.assistant).toMatchObject({
      greeting: returnsAssistant.greeting,
      suggestedQuestions: returnsAssistant.suggestedQuestions,
    });
  });

  it.each([
    ['a colour name', { primaryColor: 'blue' }, 'primaryColor'],
    ['a five-digit hex colour', { textColor: '#12345' }, 'textColor'],
    ['a CSS injection in a colour', { primaryColor: '#fff;background:url(x)' }, 'primaryColor'],
    ['an unknown position', { position: 'top-left' }, 'position'],
    ['a javascript: avatar', { avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
    ['a data: avatar', { avatarUrl: 'data:image/png;base64,AAAA' }, 'avatarUrl'],
    ['an empty title', { title: '' }, 'title'],
    ['a blank launcher text', { launcherText: '   ' }, 'launcherText'],
    ['eleven suggested questions', { suggestedQuestions: Array(11).fill('Why?') }, 'suggestedQuestions'],
    ['an unknown field', { fontFamily: 'Comic Sans' }, 'fontFamily'],
  ])('rejects %s with 400 naming the field', async (_case, change, field) => {
    const response = await t.request('PUT', url(), { token, body: { ...validSettings, ...change } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ status: 'error', message: expect.stringContaining(field), code: 'VALIDATION_ERROR' });
  });

  it('rejects a settings body without the required fields', async () => {
    const response = await t.request('PUT', url(), { token, body: { title: 'Only a title' } });
    expect(response.status).toBe(400);
  });
});
