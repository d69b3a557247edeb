import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../src/core/errors.js';
import { startOpenAiWireServer, type OpenAiWireServer } from '../helpers/openai-wire-server.js';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const userKey = 'sk-resolver-user-key-0123456789ab';

const question: LanguageModelV3CallOptions = {
  prompt: [{ role: 'user', content: [{ type: 'text', text: 'Say hello' }] }],
};

/** ModelResolver, as the services that talk to models use it, over providers and keys saved through the API. */
describe.each(backends)('ModelResolver on %s', (backend) => {
  let upstream: OpenAiWireServer;
  let t: TestApp;
  let alice: { id: string; accessToken: string };
  let bob: { id: string; accessToken: string };
  let loopbackProviderId: string;

  const createProvider = async (token: string, body: object): Promise<string> =>
    (await t.request('POST', '/api/v1/llm-providers', { token, body })).body.data.llmProvider.id;

  beforeAll(async () => {
    upstream = await startOpenAiWireServer({ apiKey: userKey, defaultText: 'Hello through your own key.' });
    t = await createTestApp(backend, { ALLOWED_PRIVATE_HOSTS: `127.0.0.1:${new URL(upstream.baseUrl).port}` });
    alice = await t.signUp('alice');
    bob = await t.signUp('bob');
    loopbackProviderId = await createProvider(alice.accessToken, {
      name: 'Loopback',
      type: 'openai-compatible',
      apiEndpoint: upstream.baseUrl,
    });
    await t.request('POST', '/api/v1/llm-configs', {
      token: alice.accessToken,
      body: { providerId: loopbackProviderId, apiKey: userKey },
    });
  });
  afterAll(async () => {
    await Promise.all([t.close(), upstream.close()]);
  });

  it('gives the built-in offline responder when no provider is named', async () => {
    const resolved = await t.app.services.modelResolver.resolve(alice.id, { providerId: null, name: 'anything' });
    expect(resolved).toMatchObject({ providerType: 'offline', modelName: 'docent-offline' });
    expect(resolved.model.provider).toBe('docent.offline');
    const result = await resolved.model.doGenerate(question);
    expect(result.content.some((part) => part.type === 'text')).toBe(true);
  });

  it("builds the named provider's model with the user's decrypted key", async () => {
    const resolved = await t.app.services.modelResolver.resolve(alice.id, { providerId: loopbackProviderId, name: 'llama3.1' });
    expect(resolved).toMatchObject({ providerType: 'openai-compatible', modelName: 'llama3.1' });
    const result = await resolved.model.doGenerate(question);
    expect(result.content).toEqual([{ type: 'text', text: 'Hello through your own key.' }]);
    const call = upstream.requests.at(-1);
    expect(call?.path).toBe('/v1/chat/completions');
    expect(call?.body.model).toBe('llama3.1');
    expect(call?.headers.authorization).toBe(`Bearer ${userKey}`);
    expect(t.logs()).not.toContain(userKey);
  });

  it("treats another user's private provider as missing", async () => {
    const attempt = t.app.services.modelResolver.resolve(bob.id, { providerId: loopbackProviderId, name: 'llama3.1' });
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
    await expect(attempt).rejects.toMatchObject({ message: 'LLM provider not found' });
  });

  it('asks for a key when the user has none for a provider that needs one', async () => {
    const providerId = await createProvider(bob.accessToken, { name: 'OpenAI', type: 'openai' });
    const attempt = t.app.services.modelResolver.resolve(bob.id, { providerId, name: 'gpt-4o-mini' });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ message: expect.stringContaining('no API key') });
  });

  it('sends every model request through the guarded client, which refuses a destination the operator has not allowed', async () => {
    const providerId = await createProvider(bob.accessToken, {
      name: 'Metadata service',
      type: 'openai-compatible',
      apiEndpoint: 'http://169.254.169.254/v1',
    });
    const resolved = await t.app.services.modelResolver.resolve(bob.id, { providerId, name: 'any' });
    await expect(resolved.model.doGenerate(question)).rejects.toMatchObject({ name: 'BlockedDestinationError' });
  });
});
