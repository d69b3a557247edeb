/**
 * Errors the guarded HTTP client raises on its own account, as opposed to network failures
 * (which stay the `TypeError` that `fetch` rejects with). Callers map them to their own outcome:
 * a link marked failed with a reason, a 400 for a provider base URL, a webhook retry.
 */
export type GuardedFetchErrorCode =
  | 'BLOCKED_DESTINATION'
  | 'TOO_MANY_REDIRECTS'
  | 'RESPONSE_TOO_LARGE'
  | 'REQUEST_TIMEOUT';

export class GuardedFetchError extends Error {
  constructor(
    readonly code: GuardedFetchErrorCode,
    /** Whether the same request could succeed if tried again later. */
    readonly isRetryable: boolean,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Why a destination was refused. */
export type BlockedReason = 'unsupported-protocol' | 'credentials-in-url' | 'non-public-address';

/**
 * The request was refused before any connection was made. Messages name a host or address,
 * never a full URL, because query strings can carry secrets and these messages get logged.
 */
export class BlockedDestinationError extends GuardedFetchError {
  constructor(
    readonly reason: BlockedReason,
    message: string,
  ) {
    super('BLOCKED_DESTINATION', false, message);
  }
}

export class TooManyRedirectsError extends GuardedFetchError {
  constructor(readonly maxRedirects: number) {
    super('TOO_MANY_REDIRECTS', false, `Gave up after ${maxRedirects} redirects`);
  }
}

export class ResponseTooLargeError extends GuardedFetchError {
  constructor(readonly maxResponseBytes: number) {
    super('RESPONSE_TOO_LARGE', false, `Response body exceeds the limit of ${maxResponseBytes} bytes`);
  }
}

export class RequestTimeoutError extends GuardedFetchError {
  constructor(readonly timeoutMs: number) {
    super('REQUEST_TIMEOUT', true, `Request did not complete within ${timeoutMs} ms`);
  }
}
