import { SecretDecryptionError, type SecretBox } from '../crypto/secret-box.js';
import type { ProviderDescription } from '../../llm/provider-description.js';
import type { Store } from '../../storage/store.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { RemoteProviderType } from './llm-provider.js';

/** Only an OpenAI-compatible server may go without a key (Ollama, vLLM and the like). */
const keyOptional: ReadonlySet<RemoteProviderType> = new Set(['openai-compatible']);

/**
 * The one place a user's stored provider key is opened. It yields a {@link ProviderDescription}
 * for a provider the user can see, carrying that user's own key; the description goes straight
 * into the AI SDK and is never logged or returned.
 */
export class ProviderCredentials {
  constructor(
    private readonly store: Store,
    private readonly secretBox: SecretBox,
  ) {}

  async describe(userId: string, providerId: string): Promise<ProviderDescription> {
    const provider = await this.store.llmProviders.findVisible(providerId, userId);
    if (!provider) throw new NotFoundError('LLM provider');
    const config = await this.store.llmConfigs.findForProvider(userId, providerId);
    if (!config && !keyOptional.has(provider.type)) {
      throw new ValidationError(`You have no API key for the LLM provider "${provider.name}": save one as an LLM config first`);
    }
    return {
      type: provider.type,
      apiEndpoint: provider.apiEndpoint ?? undefined,
      apiKey: config && this.open(config.apiKeyCiphertext, provider.name),
    };
  }

  private open(ciphertext: string, providerName: string): string {
    try {
      return this.secretBox.decrypt(ciphertext);
    } catch (error) {
      if (!(error instanceof SecretDecryptionError)) throw error;
      throw new ValidationError(
        `Your API key for the LLM provider "${providerName}" can no longer be read (the server's SECRET_KEY changed): save it again`,
      );
    }
  }
}
