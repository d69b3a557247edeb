import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedTexts } from '../../src/search/embed-texts.js';
import { createProviderEmbeddingModel } from '../../src/search/provider-embedding-model.js';
import { createProviderRerankingModel } from '../../src/search/provider-reranking-model.js';
import { rerankCandidates } from '../../src/search/reranker.js';
import { RetrievalProviderError } from '../../src/search/retrieval-provider-error.js';
import { fakeEmbedding, startRetrievalWireServer, type RetrievalWireServer } from './fixtures/retrieval-wire-server.js';

let server: RetrievalWireServer;
/** Counts requests that go through the injected fetch, as the SSRF-guarded fetch would see them. */
let fetchedUrls: string[];
const countingFetch: typeof fetch = (input, init) => {
  fetchedUrls.push(String(input instanceof Request ? input.url : input));
  return fetch(input, init);
};

beforeAll(async () => {
  server = await startRetrievalWireServer();
});
afterAll(async () => {
  await server.close();
});

describe('provider embeddings over the OpenAI-compatible /embeddings API', () => {
  it('sends the model, texts and key through the injected fetch and returns the vectors in order', async () => {
    fetchedUrls = [];
    const model = createProviderEmbeddingModel({ apiEndpoint: `${server.baseUrl}/`, apiKey: 'secret-key', modelId: 'nomic-embed-text', fetch: countingFetch, maxEmbeddingsPerCall: 2 });
    const texts = ['first passage', 'second', 'the third passage'];
    const vectors = await embedTexts(model, texts);

    expect(vectors.map((vector) => Array.from(vector))).toEqual(texts.map(fakeEmbedding));
    expect(fetchedUrls).toEqual([`${server.baseUrl}/embeddings`, `${server.baseUrl}/embeddings`]);
    const [first, second] = server.requests.slice(-2);
    expect(first?.body).toMatchObject({ model: 'nomic-embed-text', input: ['first passage', 'second'] });
    expect(second?.body).toMatchObject({ input: ['the third passage'] });
    expect(first?.headers.authorization).toBe('Bearer secret-key');
  });

  it('surfaces a 500 as a retryable RetrievalProviderError without the upstream body', async () => {
    server.failNext(500, { error: { message: 'CUDA out of memory at 0x7f3a' } });
    const model = createProviderEmbeddingModel({ apiEndpoint: server.baseUrl, modelId: 'broken', fetch: countingFetch });
    const failure = await embedTexts(model, ['text'], { maxRetries: 0 }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(RetrievalProviderError);
    expect(failure).toMatchObject({ service: 'embedding', statusCode: 500, isRetryable: true, code: 'UPSTREAM_ERROR', message: 'The embedding provider failed with HTTP 500' });
  });

  it('retries a transient failure and then succeeds', async () => {
    server.failNext(503, { error: { message: 'overloaded' } });
    const model = createProviderEmbeddingModel({ apiEndpoint: server.baseUrl, modelId: 'flaky', fetch: countingFetch });
    const started = Date.now();
    const vectors = await embedTexts(model, ['again'], { maxRetries: 1 });
    expect(Array.from(vectors[0]!)).toEqual(fakeEmbedding('again'));
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('keeps a 4xx message, which tells the operator what is wrong', async () => {
    server.failNext(404, { error: { message: 'model "nope" not found' } });
    const model = createProviderEmbeddingModel({ apiEndpoint: server.baseUrl, modelId: 'nope', fetch: countingFetch });
    await expect(embedTexts(model, ['text'], { maxRetries: 0 })).rejects.toMatchObject({
      statusCode: 404,
      isRetryable: false,
      message: expect.stringContaining('model "nope" not found'),
    });
  });
});

describe('provider reranking over the common /rerank API', () => {
  const candidates = [
    { id: 'stores', text: 'Stores open at 10 am.' },
    { id: 'leave', text: 'Staff receive 25 days of paid vacation per year.' },
    { id: 'parental', text: 'Parents get 16 weeks of paid parental leave.' },
    { id: 'boots', text: 'Boots are resoled once for free.' },
  ];

  it('posts {model, query, documents, top_n} and returns candidates reordered and cut', async () => {
    fetchedUrls = [];
    const model = createProviderRerankingModel({ apiEndpoint: server.baseUrl, apiKey: 'rerank-key', modelId: 'bge-reranker-v2-m3', fetch: countingFetch });
    const results = await rerankCandidates(model, { query: 'How many paid vacation days per year?', candidates, topKAfterReranking: 2 });

    expect(results.map((result) => result.id)).toEqual(['leave', 'parental']);
    expect(results[0]).toMatchObject({ text: candidates[1]!.text, rerankScore: 0.5 });
    expect(fetchedUrls).toEqual([`${server.baseUrl}/rerank`]);
    const request = server.requests.at(-1)!;
    expect(request.body).toEqual({ model: 'bge-reranker-v2-m3', query: 'How many paid vacation days per year?', documents: candidates.map((candidate) => candidate.text), top_n: 2 });
    expect(request.headers.authorization).toBe('Bearer rerank-key');
  });

  it('surfaces a 500 as a RetrievalProviderError', async () => {
    server.failNext(500, { detail: 'internal' });
    const model = createProviderRerankingModel({ apiEndpoint: server.baseUrl, modelId: 'bge', fetch: countingFetch });
    const failure = await rerankCandidates(model, { query: 'q', candidates, topKAfterReranking: 2, maxRetries: 0 }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(RetrievalProviderError);
    expect(failure).toMatchObject({ service: 'reranking', statusCode: 500, isRetryable: true, message: 'The reranking provider failed with HTTP 500' });
  });

  it('rejects a response in the wrong shape with a clear error', async () => {
    server.failNext(200, [{ index: 0, score: 0.9 }]);
    const model = createProviderRerankingModel({ apiEndpoint: server.baseUrl, modelId: 'bge', fetch: countingFetch });
    await expect(rerankCandidates(model, { query: 'q', candidates, topKAfterReranking: 2, maxRetries: 0 })).rejects.toMatchObject({
      service: 'reranking',
      message: 'The reranking provider sent a response that could not be used',
    });
  });

  it('does not call the provider when nothing is to be kept', async () => {
    const before = server.requests.length;
    const model = createProviderRerankingModel({ apiEndpoint: server.baseUrl, modelId: 'bge', fetch: countingFetch });
    expect(await rerankCandidates(model, { query: 'q', candidates: [], topKAfterReranking: 3 })).toEqual([]);
    expect(server.requests.length).toBe(before);
  });
});
