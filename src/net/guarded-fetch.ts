import { Agent, fetch as undiciFetch } from 'undici';
import { version } from '../version.js';
import { GuardedFetchError, TooManyRedirectsError } from './errors.js';
import { createGuardedConnector } from './guarded-connector.js';
import { toGuardedResponse } from './guarded-response.js';
import { readOutgoingRequest, type OutgoingRequest } from './outgoing-request.js';
import { PrivateHostAllowList } from './private-host-allow-list.js';
import { redirectedRequest, redirectLocation } from './redirects.js';
import { startDeadline } from './request-deadline.js';

export interface GuardedFetchOptions {
  /**
   * Hosts that may be reached although they are loopback or private (configuration's
   * `allowedPrivateHosts`): `host` allows every port, `host:port` only that one.
   */
  allowedPrivateHosts: readonly string[];
  /**
   * Limit for the whole exchange, from the call until the body is read to its end; default 30 s.
   * Clients that stream long LLM answers pass a longer one.
   */
  timeoutMs?: number;
  /** Limit for the decoded response body; default 10 MiB. */
  maxResponseBytes?: number;
  /** Redirect hops followed before giving up with TooManyRedirectsError; default 5. */
  maxRedirects?: number;
  /** Sent when the caller sets no User-Agent header; default `Docent/<version>`. */
  userAgent?: string;
}

/**
 * The HTTP client for every request the server makes on a user's behalf: link grabbing and
 * crawling, re-syncs, custom tools, webhooks and user-supplied LLM provider base URLs.
 * It is a drop-in `fetch` (hand it to an AI SDK provider's `fetch` option) that
 *
 * - requests http and https URLs without credentials only,
 * - connects only to public addresses, checked at connect time on the resolved address, unless
 *   the host is on the operator's allow-list,
 * - follows redirects itself, checking every hop, up to `maxRedirects` (`redirect: 'manual'`
 *   returns the redirect response, `redirect: 'error'` rejects),
 * - holds the response body to `maxResponseBytes` while it streams, and the whole exchange to
 *   `timeoutMs` on top of the caller's own signal.
 *
 * Refusals reject with the GuardedFetchError subclasses; network failures stay `TypeError`s.
 * Request bodies are buffered, so a 307 or 308 redirect can send them again.
 */
export function createGuardedFetch(options: GuardedFetchOptions): typeof fetch {
  const settings = {
    timeoutMs: options.timeoutMs ?? 30_000,
    maxResponseBytes: options.maxResponseBytes ?? 10 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    userAgent: options.userAgent ?? `Docent/${version}`,
  };
  const allowList = new PrivateHostAllowList(options.allowedPrivateHosts);
  const dispatcher = new Agent({ connect: createGuardedConnector(allowList) });

  const send = (request: OutgoingRequest, signal: AbortSignal) =>
    undiciFetch(request.url, {
      method: request.method,
      headers: [...request.headers],
      body: request.body,
      signal,
      redirect: 'manual',
      dispatcher,
    });

  return async function guardedFetch(input, init) {
    let request = await readOutgoingRequest(input, init, settings.userAgent);
    const deadline = startDeadline(settings.timeoutMs, request.signal);
    try {
      for (let redirects = 0; ; redirects += 1) {
        const response = await send(request, deadline.signal);
        const location = redirectLocation(response, request.url);
        if (location === undefined || request.redirect === 'manual') {
          return await toGuardedResponse(response, {
            maxResponseBytes: settings.maxResponseBytes,
            redirected: redirects > 0,
            onBodySettled: deadline.clear,
          });
        }
        await response.body?.cancel();
        if (request.redirect === 'error') throw new TypeError('Redirect refused: the request set redirect: "error"');
        if (redirects === settings.maxRedirects) throw new TooManyRedirectsError(settings.maxRedirects);
        request = redirectedRequest(request, response.status, location);
      }
    } catch (error) {
      deadline.clear();
      throw ownError(error);
    }
  };
}

/** undici reports a refused connection as `TypeError('fetch failed')` with the refusal as cause. */
function ownError(error: unknown): unknown {
  return error instanceof TypeError && error.cause instanceof GuardedFetchError ? error.cause : error;
}
