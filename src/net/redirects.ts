import { assertFetchableUrl } from './destination-url.js';
import type { OutgoingRequest } from './outgoing-request.js';

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/** Headers describing a request body, dropped when a redirect turns the request into a GET. */
const bodyHeaders = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/** Headers carrying credentials, which stay behind when a redirect leaves the origin. */
const credentialHeaders = ['authorization', 'proxy-authorization', 'cookie'];

/** Where a response redirects to, or undefined when it is not a redirect that can be followed. */
export function redirectLocation(
  response: { status: number; headers: Pick<Headers, 'get'> },
  base: URL,
): URL | undefined {
  const location = response.headers.get('location');
  if (!redirectStatuses.has(response.status) || location === null) return undefined;
  return new URL(location, base);
}

/**
 * The request for the next hop, as the Fetch standard's HTTP-redirect fetch builds it: a 303, or
 * a 301 or 302 after a POST, becomes a GET without body; credentials are not sent to another
 * origin. Throws BlockedDestinationError for a location the client never requests.
 */
export function redirectedRequest(request: OutgoingRequest, status: number, location: URL): OutgoingRequest {
  assertFetchableUrl(location);
  const headers = new Headers(request.headers);
  const becomesGet =
    (status === 303 && request.method !== 'GET' && request.method !== 'HEAD') ||
    ((status === 301 || status === 302) && request.method === 'POST');
  if (becomesGet) for (const name of bodyHeaders) headers.delete(name);
  if (location.origin !== request.url.origin) for (const name of credentialHeaders) headers.delete(name);
  return {
    ...request,
    url: location,
    method: becomesGet ? 'GET' : request.method,
    headers,
    body: becomesGet ? null : request.body,
  };
}
