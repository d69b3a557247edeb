import { APICallError } from '@ai-sdk/provider';
import { RetryError } from 'ai';
import type { ChatError } from './chat-stream-event.js';

/** Upstream error text shown for a rejected request is cut to this length. */
const maximumDetailLength = 300;

/** What was known about the turn when it failed, beyond the error itself. */
export interface FailureContext {
  timedOut: boolean;
  clientAborted: boolean;
}

/**
 * Maps whatever an upstream call threw onto a {@link ChatError}. Messages never carry a 5xx
 * body (it may echo internals); a 4xx message is kept, shortened, because it is what tells an
 * operator that a model name is wrong or a key lacks access.
 */
export function classifyUpstreamError(error: unknown, context: FailureContext): ChatError {
  if (context.timedOut) return { code: 'UPSTREAM_TIMEOUT', message: 'The model provider stopped responding', retryable: true };
  if (context.clientAborted) return { code: 'ABORTED', message: 'The request was cancelled', retryable: false };
  if (RetryError.isInstance(error)) return classifyUpstreamError(error.lastError, context);
  if (APICallError.isInstance(error)) return classifyApiCallError(error);
  if (error instanceof Error && error.name === 'TimeoutError') {
    return { code: 'UPSTREAM_TIMEOUT', message: 'The model provider stopped responding', retryable: true };
  }
  return { code: 'UPSTREAM_ERROR', message: 'The model provider sent a response that could not be used', retryable: false };
}

/** Maps a failed HTTP exchange with a provider (also used for model listing). */
export function classifyApiCallError(error: APICallError): ChatError {
  const statusCode = error.statusCode;
  if (statusCode === undefined) {
    return { code: 'UPSTREAM_ERROR', message: 'The model provider could not be reached', retryable: true };
  }
  const withStatus = { statusCode, retryable: error.isRetryable };
  if (statusCode === 429) return { code: 'UPSTREAM_RATE_LIMITED', message: 'The model provider is rate limiting requests', ...withStatus };
  if (statusCode === 401 || statusCode === 403) {
    return { code: 'UPSTREAM_AUTHENTICATION_FAILED', message: `The model provider refused the credentials (${statusCode})`, ...withStatus };
  }
  if (statusCode >= 500) return { code: 'UPSTREAM_ERROR', message: `The model provider failed (${statusCode})`, ...withStatus };
  const detail = error.message.slice(0, maximumDetailLength);
  return { code: 'UPSTREAM_REJECTED', message: `The model provider rejected the request (${statusCode}): ${detail}`, ...withStatus };
}
