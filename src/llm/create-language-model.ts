import { createAnthropic } from '@ai-sdk/anthropic';
import { createAzure } from '@ai-sdk/azure';
import { createGoogleGenerativeAI } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { OfflineLanguageModel } from './offline/offline-language-model.js';
import { ProviderConfigurationError, requireApiKey } from './provider-configuration-error.js';
import { apiEndpointOf, type FetchFunction, type ProviderDescription } from './provider-description.js';

/**
 * Builds the language model for one provider and model name with the AI SDK's provider
 * packages, so every upstream (and the offline responder) is driven through the same
 * `LanguageModelV3` interface.
 *
 * Chat-completions servers are driven through their chat model, never the Responses API, which
 * most OpenAI-compatible servers do not implement. Hosted providers need an explicit key (see
 * {@link requireApiKey}). `fetch` is where the SSRF-guarded client goes.
 */
export function createLanguageModel(
  provider: ProviderDescription,
  modelId: string,
  fetch?: FetchFunction,
): LanguageModelV3 {
  const baseURL = apiEndpointOf(provider);
  switch (provider.type) {
    case 'offline':
      return new OfflineLanguageModel();
    case 'openai':
      return createOpenAI({ baseURL, apiKey: requireApiKey(provider), fetch }).chat(modelId);
    case 'anthropic':
      return createAnthropic({ baseURL, apiKey: requireApiKey(provider), fetch })(modelId);
    case 'google':
      return createGoogleGenerativeAI({ baseURL, apiKey: requireApiKey(provider), fetch })(modelId);
    case 'azure':
      return createAzure({ ...azureLocation(provider), apiKey: requireApiKey(provider), fetch }).chat(modelId);
    case 'openai-compatible':
      if (!baseURL) throw new ProviderConfigurationError('An OpenAI-compatible provider needs an API endpoint');
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL,
        apiKey: provider.apiKey || undefined,
        includeUsage: true,
        fetch,
      }).chatModel(modelId);
  }
}

/** Azure takes either a resource URL or a bare resource name. */
function azureLocation(provider: ProviderDescription): { baseURL: string } | { resourceName: string } {
  const endpoint = apiEndpointOf(provider);
  if (!endpoint) throw new ProviderConfigurationError('An Azure provider needs its resource URL or name');
  return /^https?:\/\//i.test(endpoint) ? { baseURL: endpoint } : { resourceName: endpoint };
}
