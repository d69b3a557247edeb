import type { Response as UndiciResponse } from 'undici';
import { declaresMoreThan, limitBodySize } from './body-size-limit.js';
import { ResponseTooLargeError } from './errors.js';

interface GuardedResponseOptions {
  maxResponseBytes: number;
  /** Whether the client followed redirects to get here, reported as `response.redirected`. */
  redirected: boolean;
  /** Runs when the body has been read, has failed or has been cancelled. */
  onBodySettled: () => void;
}

/**
 * Hands undici's response on as a standard `Response` whose body is held to the size limit while
 * it streams. `url` and `redirected` keep their `fetch` meaning: the final URL after redirects.
 */
export async function toGuardedResponse(upstream: UndiciResponse, options: GuardedResponseOptions): Promise<Response> {
  if (declaresMoreThan(upstream.headers, options.maxResponseBytes)) {
    const error = new ResponseTooLargeError(options.maxResponseBytes);
    await upstream.body?.cancel(error);
    throw error;
  }
  if (upstream.body === null) options.onBodySettled();
  const body = upstream.body && limitBodySize(upstream.body, options.maxResponseBytes, options.onBodySettled);
  const response = new Response(body, {
    status: upstream.status,
    statusText: upstream.statusText,
    headers: upstream.headers,
  });
  return Object.defineProperties(response, {
    url: { value: upstream.url },
    redirected: { value: options.redirected },
  });
}
