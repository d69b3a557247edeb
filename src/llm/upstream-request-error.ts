import type { ChatError, ChatErrorCode } from './chat-stream-event.js';

/** A provider request outside a chat turn (such as listing models) that failed, with its code. */
export class UpstreamRequestError extends Error {
  readonly code: ChatErrorCode;
  readonly statusCode: number | undefined;
  readonly isRetryable: boolean;

  constructor(error: ChatError, options?: { cause?: unknown }) {
    super(error.message, options);
    this.name = 'UpstreamRequestError';
    this.code = error.code;
    this.statusCode = error.statusCode;
    this.isRetryable = error.retryable;
  }
}
