import type { EmbeddingModelV3 } from '@ai-sdk/provider';
import { apiEndpointOf } from '../../llm/provider-description.js';
import { createGuardedFetch } from '../../net/guarded-fetch.js';
import { OfflineEmbeddingModel } from '../../search/offline-embedding-model.js';
import { createProviderEmbeddingModel } from '../../search/provider-embedding-model.js';
import { ValidationError } from '../errors.js';
import type { ProviderCredentials } from '../providers/provider-credentials.js';
import type { KnowledgeBaseSettings } from './knowledge-base.js';

/** Embedding a batch of chunks may take a while on a slow local server. */
const embeddingExchangeTimeoutMs = 5 * 60_000;

/**
 * Gives the embedding model a knowledge base's settings name: the built-in offline embedder
 * (one shared instance, it caches word features), or an OpenAI-compatible `/embeddings`
 * endpoint of one of the owner's providers, opened with the owner's own key and reached only
 * through the SSRF-guarded client.
 */
export class EmbeddingModels {
  private readonly offline = new OfflineEmbeddingModel();
  private readonly fetch: typeof fetch;

  constructor(
    private readonly credentials: ProviderCredentials,
    options: { allowedPrivateHosts: readonly string[] },
  ) {
    this.fetch = createGuardedFetch({ allowedPrivateHosts: options.allowedPrivateHosts, timeoutMs: embeddingExchangeTimeoutMs });
  }

  /**
   * @throws NotFoundError when the provider is not visible to the owner, ValidationError when it
   * cannot serve embeddings or the owner has no key for it.
   */
  async forSettings(ownerId: string, settings: Pick<KnowledgeBaseSettings, 'embeddingType' | 'embeddingModel'>): Promise<EmbeddingModelV3> {
    const reference = settings.embeddingType === 'provider' ? settings.embeddingModel : null;
    if (!reference) return this.offline;
    const description = await this.credentials.describe(ownerId, reference.providerId);
    if (description.type !== 'openai' && description.type !== 'openai-compatible') {
      throw new ValidationError(`Embeddings need an OpenAI or OpenAI-compatible provider, not "${description.type}"`);
    }
    const apiEndpoint = apiEndpointOf(description);
    if (!apiEndpoint) throw new ValidationError('The embedding provider has no API endpoint');
    return createProviderEmbeddingModel({
      apiEndpoint,
      apiKey: description.apiKey,
      modelId: reference.name,
      fetch: this.fetch,
    });
  }
}
