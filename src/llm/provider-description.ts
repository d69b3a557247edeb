import type { FetchFunction } from '@ai-sdk/provider-utils';

export type { FetchFunction };

/** The upstreams Docent can talk to; `offline` is the built-in responder that needs no network. */
export type ProviderType = 'openai' | 'anthropic' | 'google' | 'azure' | 'openai-compatible' | 'offline';

/**
 * How to reach one model provider, as an operator or user configured it.
 *
 * `apiEndpoint` is the base URL including the API's version segment, exactly as the AI SDK
 * providers take it (`https://api.openai.com/v1`, `http://localhost:11434/v1`,
 * `https://api.anthropic.com/v1`, `https://generativelanguage.googleapis.com/v1beta`). For Azure
 * it is the resource URL (`https://my-resource.openai.azure.com/openai`) or the bare resource name.
 */
export interface ProviderDescription {
  type: ProviderType;
  apiEndpoint?: string | undefined;
  apiKey?: string | undefined;
}

/** The base URL each provider uses when the description names none. */
export const defaultApiEndpoints: Partial<Record<ProviderType, string>> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  google: 'https://generativelanguage.googleapis.com/v1beta',
};

export function apiEndpointOf(provider: ProviderDescription): string | undefined {
  const endpoint = provider.apiEndpoint ?? defaultApiEndpoints[provider.type];
  return endpoint?.replace(/\/+$/, '');
}
