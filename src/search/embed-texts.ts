import type { EmbeddingModelV3 } from '@ai-sdk/provider';
import { embedMany } from 'ai';
import { toRetrievalProviderError } from './retrieval-provider-error.js';

export interface EmbedTextsOptions {
  abortSignal?: AbortSignal | undefined;
  /** Retries per request for retryable failures (429, 5xx, network); default 2. */
  maxRetries?: number | undefined;
}

/**
 * Embeds texts with any embedding model (offline or provider) through the AI SDK's `embedMany`,
 * which batches by the model's `maxEmbeddingsPerCall` and retries transient failures, and
 * returns Float32Arrays ready for the vector index. Failures become RetrievalProviderError.
 */
export async function embedTexts(model: EmbeddingModelV3, texts: string[], options: EmbedTextsOptions = {}): Promise<Float32Array[]> {
  if (texts.length === 0) return [];
  try {
    const { embeddings } = await embedMany({ model, values: texts, maxRetries: options.maxRetries, abortSignal: options.abortSignal });
    return embeddings.map((embedding) => Float32Array.from(embedding));
  } catch (error) {
    throw toRetrievalProviderError('embedding', error);
  }
}
