import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listModels } from '../../src/llm/list-models.js';
import { ProviderConfigurationError } from '../../src/llm/provider-configuration-error.js';
import type { FetchFunction } from '../../src/llm/provider-description.js';
import { UpstreamRequestError } from '../../src/llm/upstream-request-error.js';
import { startAnthropicWireServer, type AnthropicWireServer } from '../helpers/anthropic-wire-server.js';
import { startOpenAiWireServer, type OpenAiWireServer } from '../helpers/openai-wire-server.js';

let openAi: OpenAiWireServer;
let anthropic: AnthropicWireServer;
let google: { server: Server; baseUrl: string; requests: { url: string; apiKey: string | undefined }[] };

const anthropicModels = Array.from({ length: 130 }, (_, index) => ({
  id: `claude-test-${String(index).padStart(3, '0')}`,
  displayName: `Claude Test ${index}`,
}));

beforeAll(async () => {
  openAi = await startOpenAiWireServer({ apiKey: 'sk-list', models: ['gpt-4o-mini', 'gpt-4o', 'llama3.1'] });
  anthropic = await startAnthropicWireServer({ apiKey: 'sk-ant-list', models: anthropicModels });
  google = await startGoogleModelsServer();
});
afterAll(async () => {
  await Promise.all([openAi.close(), anthropic.close(), new Promise((resolve) => google.server.close(resolve))]);
});

/** Counts calls, proving the listing goes through the injected (later SSRF-guarded) fetch. */
function countingFetch(): { fetch: FetchFunction; calls: string[] } {
  const calls: string[] = [];
  return { calls, fetch: (input, init) => (calls.push(String(input)), globalThis.fetch(input, init)) };
}

describe('listModels', () => {
  it('lists an OpenAI-compatible server through the injected fetch, sorted', async () => {
    const { fetch, calls } = countingFetch();
    const models = await listModels({ type: 'openai-compatible', apiEndpoint: openAi.baseUrl, apiKey: 'sk-list' }, { fetch });
    expect(models).toEqual([{ id: 'gpt-4o' }, { id: 'gpt-4o-mini' }, { id: 'llama3.1' }]);
    expect(calls).toEqual([`${openAi.baseUrl}/models`]);
    expect(openAi.requests.at(-1)?.headers.authorization).toBe('Bearer sk-list');
  });

  it('reports refused credentials with a code', async () => {
    const failure = listModels({ type: 'openai', apiEndpoint: openAi.baseUrl, apiKey: 'sk-wrong' });
    await expect(failure).rejects.toBeInstanceOf(UpstreamRequestError);
    await expect(failure).rejects.toMatchObject({ code: 'UPSTREAM_AUTHENTICATION_FAILED', statusCode: 401, isRetryable: false });
  });

  it('reports an unreachable provider as a retryable upstream error', async () => {
    const failure = listModels({ type: 'openai-compatible', apiEndpoint: 'http://127.0.0.1:1/v1' });
    await expect(failure).rejects.toMatchObject({ code: 'UPSTREAM_ERROR', isRetryable: true });
  });

  it('follows Anthropic pages with x-api-key and anthropic-version headers', async () => {
    const models = await listModels({ type: 'anthropic', apiEndpoint: anthropic.baseUrl, apiKey: 'sk-ant-list' });
    expect(models).toHaveLength(130);
    expect(models?.[0]).toEqual({ id: 'claude-test-000', displayName: 'Claude Test 0' });
    const listings = anthropic.requests.filter((request) => request.path.startsWith('/v1/models'));
    expect(listings.map((request) => request.path)).toEqual(['/v1/models?limit=100', '/v1/models?limit=100&after_id=claude-test-099']);
    expect(listings[0]?.headers).toMatchObject({ 'x-api-key': 'sk-ant-list', 'anthropic-version': '2023-06-01' });
  });

  it('lists Google models that generate content, keeping the key out of the URL', async () => {
    const models = await listModels({ type: 'google', apiEndpoint: google.baseUrl, apiKey: 'google-key' });
    expect(models).toEqual([{ id: 'gemini-2.5-flash', displayName: 'Gemini 2.5 Flash' }]);
    expect(google.requests).toEqual([{ url: '/v1beta/models?pageSize=1000', apiKey: 'google-key' }]);
  });

  it('answers for the offline responder and Azure without any request', async () => {
    const { fetch, calls } = countingFetch();
    await expect(listModels({ type: 'offline' }, { fetch })).resolves.toEqual([{ id: 'docent-offline', displayName: 'Docent offline responder' }]);
    await expect(listModels({ type: 'azure', apiEndpoint: 'my-resource', apiKey: 'key' }, { fetch })).resolves.toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('refuses a hosted provider without a key before making a request', async () => {
    const { fetch, calls } = countingFetch();
    await expect(listModels({ type: 'anthropic' }, { fetch })).rejects.toBeInstanceOf(ProviderConfigurationError);
    expect(calls).toEqual([]);
  });
});

async function startGoogleModelsServer(): Promise<typeof google> {
  const requests: { url: string; apiKey: string | undefined }[] = [];
  const server = createServer((request, response) => {
    const apiKey = request.headers['x-goog-api-key'];
    requests.push({ url: request.url ?? '', apiKey: typeof apiKey === 'string' ? apiKey : undefined });
    response.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        models: [
          { name: 'models/gemini-2.5-flash', displayName: 'Gemini 2.5 Flash', supportedGenerationMethods: ['generateContent', 'countTokens'] },
          { name: 'models/text-embedding-004', displayName: 'Text Embedding 004', supportedGenerationMethods: ['embedContent'] },
        ],
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}/v1beta`, requests };
}
