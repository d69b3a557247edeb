import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { EmbeddingModelV3 } from '@ai-sdk/provider';
import type { FetchFunction } from '@ai-sdk/provider-utils';

export interface ProviderEmbeddingSettings {
  /** Base URL including the API version segment, e.g. `https://api.openai.com/v1` or `http://localhost:11434/v1`. */
  apiEndpoint: string;
  /** Sent as a bearer token; omitted for local servers that need none. */
  apiKey?: string | undefined;
  modelId: string;
  /** The HTTP client; the SSRF-guarded fetch goes here so user-supplied endpoints cannot reach private hosts. */
  fetch?: FetchFunction | undefined;
  /** Texts per request; default 2048 (OpenAI's limit). Lower it for servers with smaller batches. */
  maxEmbeddingsPerCall?: number | undefined;
}

/**
 * An embedding model served by any OpenAI-compatible `/embeddings` endpoint (OpenAI, Azure
 * deployments behind a proxy, Ollama, vLLM, llama.cpp, LM Studio, TEI, Together ...), built with
 * the AI SDK's OpenAI-compatible provider. The key is passed explicitly so the SDK never falls
 * back to the operator's environment variables.
 */
export function createProviderEmbeddingModel(settings: ProviderEmbeddingSettings): EmbeddingModelV3 {
  const provider = createOpenAICompatible({
    name: 'openai-compatible',
    baseURL: settings.apiEndpoint.replace(/\/+$/, ''),
    apiKey: settings.apiKey || undefined,
    fetch: settings.fetch,
  });
  const model = provider.embeddingModel(settings.modelId);
  if (settings.maxEmbeddingsPerCall === undefined) return model;
  return withMaxEmbeddingsPerCall(model, settings.maxEmbeddingsPerCall);
}

function withMaxEmbeddingsPerCall(model: EmbeddingModelV3, maxEmbeddingsPerCall: number): EmbeddingModelV3 {
  return {
    specificationVersion: 'v3',
    provider: model.provider,
    modelId: model.modelId,
    maxEmbeddingsPerCall,
    supportsParallelCalls: model.supportsParallelCalls,
    doEmbed: (options) => model.doEmbed(options),
  };
}
