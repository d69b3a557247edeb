import { ApiError, networkFailure } from './api-error.js';
import { sessionTokens } from './session-tokens.js';
import type { Pagination, TokenPair } from './types.js';

const apiBase = '/api/v1';

/** seed 004's success envelope; `pagination` comes with list endpoints. */
export interface Envelope<Data> {
  status: 'success';
  message?: string;
  data: Data;
  pagination?: Pagination;
}

export interface RequestOptions {
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as multipart/form-data instead of `body`. */
  form?: FormData;
  signal?: AbortSignal;
  /** Public routes: no credentials, and a 401 is an answer rather than an expired session. */
  anonymous?: boolean;
}

let refreshing: Promise<boolean> | null = null;

/**
 * Exchanges the refresh token for a new pair, once however many requests found the access token
 * expired. Tabs take turns through a Web Lock and each reads the latest token inside it, because
 * presenting a token another tab already rotated would revoke the whole session.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= withRefreshLock(rotateTokens).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function withRefreshLock(task: () => Promise<boolean>): Promise<boolean> {
  return 'locks' in navigator ? navigator.locks.request('docent-refresh-token', task) : task();
}

async function rotateTokens(): Promise<boolean> {
  const refreshToken = sessionTokens.refresh();
  if (!refreshToken) return false;
  const response = await fetchOrFail(`${apiBase}/auth/refresh-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  });
  if (!response.ok) {
    sessionTokens.clear();
    return false;
  }
  const envelope = (await response.json()) as Envelope<TokenPair>;
  sessionTokens.store(envelope.data);
  return true;
}

async function fetchOrFail(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw networkFailure();
  }
}

function requestInit(method: string, options: RequestOptions): RequestInit {
  const headers: Record<string, string> = { accept: 'application/json' };
  const accessToken = sessionTokens.access();
  if (!options.anonymous && accessToken) headers.authorization = `Bearer ${accessToken}`;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  return { method, headers, body, signal: options.signal };
}

async function errorFrom(response: Response): Promise<ApiError> {
  const payload = (await response.json().catch(() => null)) as { message?: unknown; code?: unknown } | null;
  if (response.status >= 500 || typeof payload?.message !== 'string') {
    return new ApiError(response.status, 'SERVER_ERROR', 'Something went wrong on the server. Please try again.');
  }
  return new ApiError(response.status, String(payload.code ?? 'ERROR'), payload.message);
}

/**
 * Sends one request to the native API and returns the successful response. An expired access
 * token is renewed and the request sent again once; any other failure throws an {@link ApiError}.
 */
export async function send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
  const url = `${apiBase}${path}`;
  let response = await fetchOrFail(url, requestInit(method, options));
  if (response.status === 401 && !options.anonymous && (await refreshSession())) {
    response = await fetchOrFail(url, requestInit(method, options));
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

export async function sendJson<Data>(method: string, path: string, options: RequestOptions = {}): Promise<Envelope<Data>> {
  const response = await send(method, path, options);
  return (await response.json()) as Envelope<Data>;
}
