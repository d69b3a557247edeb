import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createLanguageModel } from '../../llm/create-language-model.js';
import { offlineModelId } from '../../llm/offline/offline-language-model.js';
import type { ProviderType } from '../../llm/provider-description.js';
import { createGuardedFetch } from '../../net/guarded-fetch.js';
import type { ProviderCredentials } from './provider-credentials.js';
import { toProviderError } from './provider-errors.js';

/** Which model to talk to: a provider the user can see and a model name, or null for offline. */
export interface ModelReference {
  providerId: string | null;
  name: string;
}

export interface ResolvedModel {
  model: LanguageModelV3;
  providerType: ProviderType;
  modelName: string;
}

export interface ModelResolverOptions {
  /** Private or loopback hosts (`host` or `host:port`) the operator lets providers live on. */
  allowedPrivateHosts: readonly string[];
}

/**
 * A whole answer may stream for minutes; the stream watchdog, not this limit, is what ends an
 * upstream that stops sending.
 */
const modelExchangeTimeoutMs = 10 * 60_000;

/**
 * The one way the rest of Docent gets a model to talk to. It builds the AI SDK model for a
 * user: the built-in offline responder when no provider is named, otherwise the named provider
 * with that user's own key, every request going through the SSRF-guarded client.
 */
export class ModelResolver {
  private readonly guardedFetch: typeof fetch;

  constructor(
    private readonly credentials: ProviderCredentials,
    options: ModelResolverOptions,
  ) {
    this.guardedFetch = createGuardedFetch({
      allowedPrivateHosts: options.allowedPrivateHosts,
      timeoutMs: modelExchangeTimeoutMs,
    });
  }

  /**
   * Throws NotFoundError for a provider the user cannot see, and ValidationError when the user
   * has no key for a provider that needs one or the provider is incomplete.
   */
  async resolve(userId: string, reference: ModelReference): Promise<ResolvedModel> {
    if (reference.providerId === null) {
      return { model: createLanguageModel({ type: 'offline' }, offlineModelId), providerType: 'offline', modelName: offlineModelId };
    }
    const description = await this.credentials.describe(userId, reference.providerId);
    try {
      const model = createLanguageModel(description, reference.name, this.guardedFetch);
      return { model, providerType: description.type, modelName: reference.name };
    } catch (error) {
      throw toProviderError(error);
    }
  }
}
