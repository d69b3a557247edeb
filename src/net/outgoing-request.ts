import { assertFetchableUrl } from './destination-url.js';

/** One request as the guarded client sends it, rebuilt for each redirect hop. */
export interface OutgoingRequest {
  url: URL;
  method: string;
  headers: Headers;
  /** Buffered so a 307 or 308 redirect can send it again; server-side request bodies are small. */
  body: Uint8Array | null;
  redirect: Request['redirect'];
  signal: AbortSignal;
}

/**
 * Reads `fetch`'s arguments the way `fetch` does (a `Request`, a URL, `init` overriding either),
 * and refuses a URL the client never requests before anything else happens.
 */
export async function readOutgoingRequest(
  input: string | URL | Request,
  init: RequestInit | undefined,
  defaultUserAgent: string,
): Promise<OutgoingRequest> {
  const url = new URL(input instanceof Request ? input.url : input);
  assertFetchableUrl(url);
  const request = new Request(input, init);
  const headers = new Headers(request.headers);
  if (!headers.has('user-agent')) headers.set('user-agent', defaultUserAgent);
  const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
  return { url, method: request.method, headers, body, redirect: request.redirect, signal: request.signal };
}
