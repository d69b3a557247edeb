import { BlockedDestinationError } from './errors.js';

const fetchableProtocols = new Set(['http:', 'https:']);

/**
 * Refuses URLs the guarded client never requests: schemes other than http and https, and URLs
 * carrying a user name or password (credentials belong in headers, where redirects can drop them).
 * Which addresses a URL may reach is decided at connect time, by the guarded connector.
 */
export function assertFetchableUrl(url: URL): void {
  if (!fetchableProtocols.has(url.protocol)) {
    const message = `Only http and https URLs can be fetched, not ${url.protocol}`;
    throw new BlockedDestinationError('unsupported-protocol', message);
  }
  if (url.username !== '' || url.password !== '') {
    throw new BlockedDestinationError('credentials-in-url', `URLs with credentials cannot be fetched (${url.host})`);
  }
}
