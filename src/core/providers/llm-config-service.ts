import { randomUUID } from 'node:crypto';
import { maskSecret } from '../crypto/mask-secret.js';
import type { SecretBox } from '../crypto/secret-box.js';
import type { Page, PageRequest } from '../../storage/pagination.js';
import type { SealedApiKey } from '../../storage/repositories/llm-configs-repository.js';
import type { Store } from '../../storage/store.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { toLlmConfig, type LlmConfig } from './llm-config.js';

export interface LlmConfigInput {
  providerId: string;
  apiKey: string;
}

/**
 * Users' own keys for LLM providers (bring your own key). A key is sealed with the secret box
 * (AES-256-GCM under SECRET_KEY) the moment it arrives and only its mask ever comes back out;
 * {@link ProviderCredentials} is the one reader of the sealed key. Every method reaches rows
 * through the caller, so another user's config is reported like one that does not exist.
 */
export class LlmConfigService {
  constructor(
    private readonly store: Store,
    private readonly secretBox: SecretBox,
  ) {}

  /**
   * Saves the caller's key for a provider they can see. A user has one key per provider, so
   * saving again replaces the key and keeps the config; `created` says which happened.
   */
  async save(userId: string, input: LlmConfigInput): Promise<{ config: LlmConfig; created: boolean }> {
    if (!(await this.store.llmProviders.findVisible(input.providerId, userId))) throw new NotFoundError('LLM provider');
    const id = randomUUID();
    const sealed = this.seal(input.apiKey);
    const row = await this.store.llmConfigs.upsert({
      id,
      userId,
      providerId: input.providerId,
      ...sealed,
      createdAt: sealed.updatedAt,
    });
    return { config: toLlmConfig(row), created: row.id === id };
  }

  async list(userId: string, request: PageRequest): Promise<Page<LlmConfig>> {
    const page = await this.store.llmConfigs.listOwned(userId, request);
    return { items: page.items.map(toLlmConfig), total: page.total };
  }

  async get(userId: string, id: string): Promise<LlmConfig> {
    const row = await this.store.llmConfigs.findOwned(id, userId);
    if (!row) throw new NotFoundError('LLM config');
    return toLlmConfig(row);
  }

  async updateKey(userId: string, id: string, apiKey: string): Promise<LlmConfig> {
    const row = await this.store.llmConfigs.updateKeyOwned(id, userId, this.seal(apiKey));
    if (!row) throw new NotFoundError('LLM config');
    return toLlmConfig(row);
  }

  async delete(userId: string, id: string): Promise<void> {
    if (!(await this.store.llmConfigs.deleteOwned(id, userId))) throw new NotFoundError('LLM config');
  }

  private seal(apiKey: string): SealedApiKey {
    const key = apiKey.trim();
    if (!key) throw new ValidationError('apiKey must not be blank');
    return { apiKeyCiphertext: this.secretBox.encrypt(key), apiKeyMask: maskSecret(key), updatedAt: new Date().toISOString() };
  }
}
