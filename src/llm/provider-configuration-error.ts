/**
 * A provider description that cannot work as given (no key for a hosted API, no endpoint for an
 * OpenAI-compatible server). Raised before any request is made, so nothing leaves the process.
 */
export class ProviderConfigurationError extends Error {
  readonly code = 'VALIDATION_ERROR';

  constructor(message: string) {
    super(message);
    this.name = 'ProviderConfigurationError';
  }
}

/**
 * The key of a hosted provider. Always required explicitly: left unset, the AI SDK would fall
 * back to the operator's environment variables and spend the operator's key on a user's
 * provider.
 */
export function requireApiKey(provider: { type: string; apiKey?: string | undefined }): string {
  if (!provider.apiKey) throw new ProviderConfigurationError(`A ${provider.type} provider needs an API key`);
  return provider.apiKey;
}
