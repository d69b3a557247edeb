import type { EmbeddingModelV3 } from '@ai-sdk/provider';
import { embedMany } from 'ai';
import { OfflineEmbeddingModel } from './offline-embedding-model.js';
import { toRetrievalProviderError } from './retrieval-provider-error.js';

export interface EmbedTextsOptions {
  abortSignal?: AbortSignal | undefined;
  /** Retries per request for retryable failures (429, 5xx, network); default 2. */
  maxRetries?: number | undefined;
}

/**
 * Embeds texts with any embedding model (offline or provider) and returns Float32Arrays ready
 * for the vector index. Provider models go through the AI SDK's `embedMany`, which batches by
 * the model's `maxEmbeddingsPerCall` and retries transient failures; failures become
 * RetrievalProviderError. The built-in model embeds straight into Float32Arrays: through
 * `embedMany` every vector would make a round trip through an array of numbers, four times its
 * size, for nothing.
 */
export async function embedTexts(model: EmbeddingModelV3, texts: string[], options: EmbedTextsOptions = {}): Promise<Float32Array[]> {
  if (texts.length === 0) return [];
  if (model instanceof OfflineEmbeddingModel) {
    options.abortSignal?.throwIfAborted();
    return texts.map((text) => model.embedText(text));
  }
  try {
    const { embeddings } = await embedMany({ model, values: texts, maxRetries: options.maxRetries, abortSignal: options.abortSignal });
    return embeddings.map((embedding) => Float32Array.from(embedding));
  } catch (error) {
    throw toRetrievalProviderError('embedding', error);
  }
}
