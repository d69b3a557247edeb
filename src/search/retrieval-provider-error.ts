import { APICallError } from '@ai-sdk/provider';
import { RetryError } from 'ai';

/** Which remote retrieval service failed. */
export type RetrievalService = 'embedding' | 'reranking';

/**
 * An embedding or reranking provider failed. The message names the service and the HTTP status
 * but never the upstream body of a 5xx (it may echo internals); `isRetryable` tells the
 * ingestion job whether trying again later can help.
 */
export class RetrievalProviderError extends Error {
  readonly code = 'UPSTREAM_ERROR';

  constructor(
    readonly service: RetrievalService,
    message: string,
    readonly isRetryable: boolean,
    readonly statusCode?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RetrievalProviderError';
  }
}

/** Turns whatever an AI SDK call threw into a {@link RetrievalProviderError}; aborts pass through. */
export function toRetrievalProviderError(service: RetrievalService, error: unknown): unknown {
  if (error instanceof Error && error.name === 'AbortError') return error;
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (!APICallError.isInstance(cause) || (cause.statusCode !== undefined && cause.statusCode < 300)) {
    return new RetrievalProviderError(service, `The ${service} provider sent a response that could not be used`, false, undefined, { cause: error });
  }
  const status = cause.statusCode;
  if (status === undefined) {
    return new RetrievalProviderError(service, `The ${service} provider could not be reached`, true, undefined, { cause: error });
  }
  const detail = status < 500 ? `: ${cause.message.slice(0, 300)}` : '';
  return new RetrievalProviderError(service, `The ${service} provider failed with HTTP ${status}${detail}`, cause.isRetryable, status, { cause: error });
}
