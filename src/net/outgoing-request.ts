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
  const plain = plainRequest(input, init, defaultUserAgent);
  if (plain) return { url, ...plain };
  const request = new Request(input, init);
  const headers = new Headers(request.headers);
  if (!headers.has('user-agent')) headers.set('user-agent', defaultUserAgent);
  const body = request.body === null ? null : new Uint8Array(await request.arrayBuffer());
  return { url, method: request.method, headers, body, redirect: request.redirect, signal: request.signal };
}

/** Methods a `Request` keeps as they are (already normalized, and allowed). */
const plainMethods: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const textEncoder = new TextEncoder();

/**
 * What `new Request(input, init)` would give for the common call — a URL, a normalized method and
 * a string body or none, as every AI SDK provider sends — without building a `Request` and reading
 * its body back through a stream, which cost more than the rest of the guarded client per model
 * call. Anything else is left to the `Request` constructor.
 */
function plainRequest(
  input: string | URL | Request,
  init: RequestInit | undefined,
  defaultUserAgent: string,
): Omit<OutgoingRequest, 'url'> | undefined {
  if (input instanceof Request) return undefined;
  const method = init?.method ?? 'GET';
  const body = init?.body ?? null;
  if (!plainMethods.has(method) || (body !== null && (typeof body !== 'string' || method === 'GET' || method === 'HEAD'))) return undefined;
  const headers = new Headers(init?.headers);
  if (!headers.has('user-agent')) headers.set('user-agent', defaultUserAgent);
  if (body !== null && !headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
  return {
    method,
    headers,
    body: body === null ? null : textEncoder.encode(body),
    redirect: init?.redirect ?? 'follow',
    signal: init?.signal ?? new AbortController().signal,
  };
}
