import type { RerankingModelV3, RerankingModelV3CallOptions } from '@ai-sdk/provider';
import {
  combineHeaders,
  createJsonErrorResponseHandler,
  createJsonResponseHandler,
  jsonSchema,
  postJsonToApi,
  type FetchFunction,
} from '@ai-sdk/provider-utils';

export interface ProviderRerankingSettings {
  /** Base URL the `/rerank` path is appended to, e.g. `https://api.jina.ai/v1`, `https://api.cohere.com/v2`, `http://vllm:8000/v1`. */
  apiEndpoint: string;
  apiKey?: string | undefined;
  modelId: string;
  /** The HTTP client; the SSRF-guarded fetch goes here. */
  fetch?: FetchFunction | undefined;
}

interface RerankResponse {
  results: { index: number; relevance_score: number }[];
}

/**
 * A reranker served by the common `/rerank` API that Cohere, Jina, Voyage, vLLM, Infinity and
 * LiteLLM share: `POST {model, query, documents, top_n}` answered by
 * `{results: [{index, relevance_score}]}`. It implements the AI SDK's `RerankingModelV3` with
 * the SDK's own HTTP helpers, so failures are `APICallError`s with status and retryability,
 * exactly like an AI SDK provider's.
 */
export function createProviderRerankingModel(settings: ProviderRerankingSettings): RerankingModelV3 {
  const url = `${settings.apiEndpoint.replace(/\/+$/, '')}/rerank`;
  return {
    specificationVersion: 'v3',
    provider: 'rerank-compatible',
    modelId: settings.modelId,
    async doRerank(options: RerankingModelV3CallOptions) {
      const documents = options.documents.type === 'text' ? options.documents.values : options.documents.values.map((value) => JSON.stringify(value));
      const { value, responseHeaders, rawValue } = await postJsonToApi({
        url,
        headers: combineHeaders(settings.apiKey ? { Authorization: `Bearer ${settings.apiKey}` } : {}, options.headers),
        body: { model: settings.modelId, query: options.query, documents, ...(options.topN === undefined ? {} : { top_n: options.topN }) },
        failedResponseHandler: rerankErrorHandler,
        successfulResponseHandler: createJsonResponseHandler(rerankResponseSchema),
        abortSignal: options.abortSignal,
        fetch: settings.fetch,
      });
      const ranking = value.results
        .filter((result) => result.index < documents.length)
        .map((result) => ({ index: result.index, relevanceScore: result.relevance_score }))
        .sort((left, right) => right.relevanceScore - left.relevanceScore || left.index - right.index);
      return { ranking, response: { headers: responseHeaders, body: rawValue } };
    },
  };
}

const rerankResponseSchema = jsonSchema<RerankResponse>(
  {
    type: 'object',
    required: ['results'],
    properties: {
      results: {
        type: 'array',
        items: { type: 'object', required: ['index', 'relevance_score'], properties: { index: { type: 'integer' }, relevance_score: { type: 'number' } } },
      },
    },
  },
  {
    validate: (value) => isRerankResponse(value)
      ? { success: true, value }
      : { success: false, error: new Error('Expected {results: [{index, relevance_score}]} from the reranking provider') },
  },
);

function isRerankResponse(value: unknown): value is RerankResponse {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { results?: unknown }).results)) return false;
  return (value as { results: unknown[] }).results.every((result) => {
    const { index, relevance_score: score } = (result ?? {}) as { index?: unknown; relevance_score?: unknown };
    return Number.isInteger(index) && (index as number) >= 0 && typeof score === 'number' && Number.isFinite(score);
  });
}

/** Error bodies differ by server (`{message}`, `{detail}`, `{error: {message}}`, `{error: "..."}`); any JSON is accepted. */
const rerankErrorHandler = createJsonErrorResponseHandler<unknown>({
  errorSchema: jsonSchema<unknown>({}, { validate: (value) => ({ success: true, value }) }),
  errorToMessage: (error) => errorMessageOf(error) ?? 'The reranking provider returned an error',
});

function errorMessageOf(error: unknown): string | undefined {
  if (typeof error === 'string') return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const { message, detail, error: nested } = error as { message?: unknown; detail?: unknown; error?: unknown };
  if (typeof message === 'string') return message;
  if (typeof detail === 'string') return detail;
  return errorMessageOf(nested);
}
