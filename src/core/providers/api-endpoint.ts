import { ValidationError } from '../errors.js';
import type { RemoteProviderType } from './llm-provider.js';

/** Types whose SDK has no default endpoint: a self-hosted server, an Azure resource. */
const endpointRequired: ReadonlySet<RemoteProviderType> = new Set(['openai-compatible', 'azure']);

/**
 * Checks a provider's base URL when it is saved: http or https, no credentials (keys travel in
 * headers), no query or fragment (the SDKs append paths to it). Trailing slashes are dropped.
 * Which hosts it may reach is not decided here but by the guarded client at call time, where a
 * name's resolved address is known.
 */
export function normalizeApiEndpoint(type: RemoteProviderType, endpoint: string | null): string | null {
  if (endpoint === null) {
    if (endpointRequired.has(type)) throw new ValidationError(`An ${type} provider needs an apiEndpoint`);
    return null;
  }
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    throw new ValidationError('apiEndpoint must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError('apiEndpoint must be an http or https URL');
  }
  if (url.username !== '' || url.password !== '') {
    throw new ValidationError('apiEndpoint must not contain credentials; save the key as an LLM config');
  }
  if (url.search !== '' || url.hash !== '') {
    throw new ValidationError('apiEndpoint must not have a query string or fragment');
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}
