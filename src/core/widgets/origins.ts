import { ValidationError } from '../errors.js';

export const maxAllowedOrigins = 20;

/**
 * A web origin as browsers send it in the `Origin` header: scheme, host and port only, lower
 * case, without the default port. Accepts a trailing slash; refuses paths, queries, fragments,
 * credentials, wildcards and schemes other than http and https.
 */
export function normalizeOrigin(input: string): string {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError(`"${text}" is not an origin such as https://example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ValidationError(`"${text}" must start with http:// or https://`);
  }
  const extra = url.username || url.password || url.search || url.hash || url.pathname !== '/';
  if (extra || text.includes('*') || /[?#@]/.test(text) || /\/\/.*\/./.test(text)) {
    throw new ValidationError(`"${text}" must be an origin only (scheme, host and optional port), such as https://example.com`);
  }
  return url.origin;
}

/** Normalises and deduplicates an owner's list of origins; at least one, at most twenty. */
export function normalizeOrigins(inputs: readonly string[]): string[] {
  const origins = [...new Set(inputs.map(normalizeOrigin))];
  if (origins.length === 0) throw new ValidationError('allowedOrigins needs at least one origin');
  if (origins.length > maxAllowedOrigins) throw new ValidationError(`allowedOrigins takes at most ${maxAllowedOrigins} origins`);
  return origins;
}

/** Whether a browser's `Origin` header names one of the allowed origins. */
export function isOriginAllowed(origin: string, allowedOrigins: readonly string[]): boolean {
  try {
    return allowedOrigins.includes(normalizeOrigin(origin));
  } catch {
    return false;
  }
}
