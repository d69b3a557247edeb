import { describe, expect, it } from 'vitest';
import { collectChatTurn } from '../../src/llm/collect-chat-turn.js';
import { createLanguageModel } from '../../src/llm/create-language-model.js';
import { OfflineLanguageModel } from '../../src/llm/offline/offline-language-model.js';
import { ProviderConfigurationError } from '../../src/llm/provider-configuration-error.js';
import type { FetchFunction } from '../../src/llm/provider-description.js';
import { startOpenAiWireServer } from '../helpers/openai-wire-server.js';

describe('createLanguageModel', () => {
  it('builds the offline responder without key or endpoint', () => {
    const model = createLanguageModel({ type: 'offline' }, 'docent-offline');
    expect(model).toBeInstanceOf(OfflineLanguageModel);
    expect(model.modelId).toBe('docent-offline');
  });

  it.each(['openai', 'anthropic', 'google', 'azure'] as const)('refuses a %s provider without an API key', (type) => {
    expect(() => createLanguageModel({ type, apiEndpoint: 'https://example.test/v1' }, 'some-model')).toThrow(ProviderConfigurationError);
  });

  it('refuses an OpenAI-compatible provider without an endpoint', () => {
    expect(() => createLanguageModel({ type: 'openai-compatible' }, 'llama3.1')).toThrow(ProviderConfigurationError);
  });

  it('builds hosted models with the names the provider reports', () => {
    expect(createLanguageModel({ type: 'google', apiKey: 'key' }, 'gemini-2.5-flash')).toMatchObject({ modelId: 'gemini-2.5-flash' });
    expect(createLanguageModel({ type: 'azure', apiEndpoint: 'my-resource', apiKey: 'key' }, 'my-deployment')).toMatchObject({
      modelId: 'my-deployment',
    });
  });

  it('sends requests through the injected fetch', async () => {
    const server = await startOpenAiWireServer();
    try {
      const urls: string[] = [];
      const fetch: FetchFunction = (input, init) => (urls.push(String(input)), globalThis.fetch(input, init));
      const model = createLanguageModel({ type: 'openai-compatible', apiEndpoint: server.baseUrl }, 'qwen3', fetch);

      const result = await collectChatTurn({ model, messages: [{ role: 'user', content: 'Hi' }] });

      expect(result.text).toBe('Hello from the wire server.');
      expect(urls).toEqual([`${server.baseUrl}/chat/completions`]);
      expect(server.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
