import type { EmbeddingModelV3, EmbeddingModelV3CallOptions, EmbeddingModelV3Result } from '@ai-sdk/provider';
import { embedHashedText } from './hashed-text-embedding.js';
import { WordFeatureCache } from './word-feature-cache.js';

/**
 * Dimensions of the built-in embeddings. Hashing collisions add noise of about 1/√dimensions to
 * every similarity; 512 measured clearly better than 384 on paraphrased questions while keeping
 * an exact scan of 100k chunks within the latency budget.
 */
export const offlineEmbeddingDimensions = 512;

/**
 * The model id stored next to every built-in embedding. It names the feature set's version:
 * anything that changes the vectors (tokenising, stemming, concept table, weights, hashing)
 * must change it, so stored vectors are recognised as stale and re-embedded.
 */
export const offlineEmbeddingModelId = 'docent-hashed-ngrams-v1';

/**
 * The built-in embedder used when no embedding provider is configured: no download, no
 * network, deterministic, and fast enough to embed tens of megabytes per second on one core.
 * It implements the AI SDK's `EmbeddingModelV3`, so `embed`/`embedMany` and the rest of
 * Docent drive it exactly like a provider's model.
 *
 * Vectors are feature-hashed bags of stems, character n-grams, word pairs and a small generic
 * table of interchangeable business words (see hashed-text-embedding.ts). Unlike exact-term
 * BM25 they match morphological variants, misspellings and common synonyms, which is what
 * paraphrased questions need; they know nothing a learned model knows beyond that.
 */
export class OfflineEmbeddingModel implements EmbeddingModelV3 {
  readonly specificationVersion = 'v3';
  readonly provider = 'docent.offline';
  readonly modelId = offlineEmbeddingModelId;
  readonly maxEmbeddingsPerCall = Number.POSITIVE_INFINITY;
  /** Embedding runs on the calling thread, so parallel calls would only interleave. */
  readonly supportsParallelCalls = false;
  readonly dimensions = offlineEmbeddingDimensions;
  readonly #cache = new WordFeatureCache(offlineEmbeddingDimensions);

  async doEmbed(options: EmbeddingModelV3CallOptions): Promise<EmbeddingModelV3Result> {
    options.abortSignal?.throwIfAborted();
    const embeddings = options.values.map((value) => Array.from(this.embedText(value)));
    return { embeddings, warnings: [] };
  }

  /** One text's embedding as a unit-length Float32Array, for callers that hold vectors in typed arrays. */
  embedText(text: string): Float32Array {
    return embedHashedText(text, offlineEmbeddingDimensions, this.#cache);
  }
}
