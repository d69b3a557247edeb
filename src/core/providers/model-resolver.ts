import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createLanguageModel } from '../../llm/create-language-model.js';
import { offlineModelId } from '../../llm/offline/offline-language-model.js';
import type { ProviderDescription, ProviderType } from '../../llm/provider-description.js';
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

/** Distinct (provider, endpoint, key, model) combinations whose built models are kept. */
const modelCacheSize = 256;

/**
 * The one way the rest of Docent gets a model to talk to. It builds the AI SDK model for a
 * user: the built-in offline responder when no provider is named, otherwise the named provider
 * with that user's own key, every request going through the SSRF-guarded client.
 */
export class ModelResolver {
  private readonly guardedFetch: typeof fetch;
  private readonly offlineModel = createLanguageModel({ type: 'offline' }, offlineModelId);
  /**
   * Built models by everything they are built from. Building one (the provider package's
   * settings and its response schemas) cost more CPU per chat turn than all of the turn's
   * queries together, and a model holds no per-call state, so one instance serves every call.
   * The user's provider and key are still looked up on every resolve: the cache skips only the
   * building, so a revoked provider or a changed key takes effect at once.
   */
  private readonly models = new Map<string, LanguageModelV3>();

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
      return { model: this.offlineModel, providerType: 'offline', modelName: offlineModelId };
    }
    const description = await this.credentials.describe(userId, reference.providerId);
    try {
      return { model: this.modelFor(description, reference.name), providerType: description.type, modelName: reference.name };
    } catch (error) {
      throw toProviderError(error);
    }
  }

  private modelFor(description: ProviderDescription, modelName: string): LanguageModelV3 {
    const key = JSON.stringify([description.type, description.apiEndpoint ?? null, description.apiKey ?? null, modelName]);
    const kept = this.models.get(key);
    if (kept) {
      this.models.delete(key);
      this.models.set(key, kept);
      return kept;
    }
    const model = createLanguageModel(description, modelName, this.guardedFetch);
    this.models.set(key, model);
    if (this.models.size > modelCacheSize) this.models.delete(this.models.keys().next().value as string);
    return model;
  }
}
