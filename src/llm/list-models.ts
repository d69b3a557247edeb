import { APICallError } from '@ai-sdk/provider';
import { offlineModelId } from './offline/offline-language-model.js';
import { ProviderConfigurationError, requireApiKey } from './provider-configuration-error.js';
import { apiEndpointOf, type FetchFunction, type ProviderDescription } from './provider-description.js';
import { classifyApiCallError } from './upstream-error.js';
import { UpstreamRequestError } from './upstream-request-error.js';

export interface ModelInfo {
  id: string;
  displayName?: string;
}

export interface ListModelsOptions {
  /** Where the SSRF-guarded client goes; the global fetch otherwise. */
  fetch?: FetchFunction;
  abortSignal?: AbortSignal;
  /** Limit for the whole listing, all pages included; defaults to 15 s. */
  timeoutMs?: number;
}

/** Pages followed at most, so a misbehaving upstream cannot keep the listing going forever. */
const maximumPages = 20;
const anthropicVersion = '2023-06-01';

/**
 * The models a provider offers, sorted by id, or `undefined` when the upstream has no listing
 * (Azure exposes deployments, whose names only the operator knows). Keys travel in headers,
 * never in URLs, where proxies and logs would keep them. Failures throw
 * {@link UpstreamRequestError} with the same codes as chat turns.
 */
export async function listModels(provider: ProviderDescription, options: ListModelsOptions = {}): Promise<ModelInfo[] | undefined> {
  const signal = AbortSignal.any([AbortSignal.timeout(options.timeoutMs ?? 15_000), ...(options.abortSignal ? [options.abortSignal] : [])]);
  const getJson = (url: string, headers: Record<string, string>) => fetchJson(options.fetch ?? globalThis.fetch, url, headers, signal);
  const models = await listProviderModels(provider, getJson);
  return models?.sort((left, right) => left.id.localeCompare(right.id));
}

type GetJson = (url: string, headers: Record<string, string>) => Promise<Record<string, unknown>>;

async function listProviderModels(provider: ProviderDescription, getJson: GetJson): Promise<ModelInfo[] | undefined> {
  const baseUrl = apiEndpointOf(provider);
  switch (provider.type) {
    case 'offline':
      return [{ id: offlineModelId, displayName: 'Docent offline responder' }];
    case 'azure':
      return undefined;
    case 'openai':
    case 'openai-compatible': {
      if (!baseUrl) throw new ProviderConfigurationError('An OpenAI-compatible provider needs an API endpoint');
      const apiKey = provider.type === 'openai' ? requireApiKey(provider) : provider.apiKey;
      const body = await getJson(`${baseUrl}/models`, apiKey ? { authorization: `Bearer ${apiKey}` } : {});
      return entries(body.data).flatMap((model) => (typeof model.id === 'string' ? [{ id: model.id }] : []));
    }
    case 'anthropic':
      return listAnthropicModels(`${baseUrl}/models`, { 'x-api-key': requireApiKey(provider), 'anthropic-version': anthropicVersion }, getJson);
    case 'google':
      return listGoogleModels(`${baseUrl}/models`, { 'x-goog-api-key': requireApiKey(provider) }, getJson);
  }
}

async function listAnthropicModels(url: string, headers: Record<string, string>, getJson: GetJson): Promise<ModelInfo[]> {
  const models: ModelInfo[] = [];
  let afterId: string | undefined;
  for (let page = 0; page < maximumPages; page++) {
    const body = await getJson(`${url}?limit=100${afterId ? `&after_id=${encodeURIComponent(afterId)}` : ''}`, headers);
    for (const model of entries(body.data)) {
      if (typeof model.id === 'string') models.push({ id: model.id, ...displayName(model.display_name) });
    }
    if (body.has_more !== true || typeof body.last_id !== 'string') break;
    afterId = body.last_id;
  }
  return models;
}

/** Google lists embedding and other models too; only those that can generate content chat. */
async function listGoogleModels(url: string, headers: Record<string, string>, getJson: GetJson): Promise<ModelInfo[]> {
  const models: ModelInfo[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < maximumPages; page++) {
    const body = await getJson(`${url}?pageSize=1000${pageToken ? `&pageToken=${encodeURIComponent(pageToken)}` : ''}`, headers);
    for (const model of entries(body.models)) {
      const methods = Array.isArray(model.supportedGenerationMethods) ? model.supportedGenerationMethods : [];
      if (typeof model.name !== 'string' || !methods.includes('generateContent')) continue;
      models.push({ id: model.name.replace(/^models\//, ''), ...displayName(model.displayName) });
    }
    if (typeof body.nextPageToken !== 'string' || body.nextPageToken === '') break;
    pageToken = body.nextPageToken;
  }
  return models;
}

async function fetchJson(fetch: FetchFunction, url: string, headers: Record<string, string>, signal: AbortSignal): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', ...headers }, signal });
  } catch (error) {
    if (signal.aborted) throw error;
    const failure = new APICallError({ message: 'Cannot connect to the provider', url, requestBodyValues: undefined, cause: error, isRetryable: true });
    throw new UpstreamRequestError(classifyApiCallError(failure), { cause: error });
  }
  const text = await response.text();
  if (!response.ok) {
    const failure = new APICallError({
      message: errorMessageOf(text) ?? response.statusText,
      url,
      requestBodyValues: undefined,
      statusCode: response.status,
      responseBody: text,
    });
    throw new UpstreamRequestError(classifyApiCallError(failure), { cause: failure });
  }
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null) return body as Record<string, unknown>;
  } catch {
    // Falls through to the error below: a listing that is not JSON is as useless as a missing one.
  }
  throw new UpstreamRequestError({ code: 'UPSTREAM_ERROR', message: 'The provider sent a model list that is not JSON', retryable: false });
}

/** OpenAI and Anthropic put the reason in `error.message`, Google too. */
function errorMessageOf(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    return typeof body.error?.message === 'string' ? body.error.message : undefined;
  } catch {
    return undefined;
  }
}

function entries(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null) : [];
}

function displayName(value: unknown): { displayName?: string } {
  return typeof value === 'string' ? { displayName: value } : {};
}
