import { GuardedFetchError } from '../net/errors.js';

/**
 * Why a page could not be used. Every failure of the crawler is one of these, so a link can be
 * marked failed with a reason its owner understands, and a job can decide whether to retry.
 */
export type PageFailureReason =
  | 'invalid-url'
  | 'blocked-destination'
  | 'unreachable'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'not-found'
  | 'http-error'
  | 'not-html'
  | 'unreadable'
  | 'off-site-redirect'
  | 'robots-disallowed'
  | 'robots-unavailable';

export interface PageFailure {
  reason: PageFailureReason;
  /** Safe to show to the link's owner: names a host at most, never a full URL with its query. */
  message: string;
  /** The status the server answered with, for `not-found` and `http-error`. */
  httpStatus?: number;
  /** Whether the same fetch could succeed later (a timeout, a 503), so a job may retry it. */
  isRetryable: boolean;
}

/** Tells a failure apart from the value an operation returns when it succeeds. */
export function isPageFailure<Value extends object>(value: Value | PageFailure): value is PageFailure {
  return 'reason' in value && 'isRetryable' in value;
}

/** A failure that the guarded client or the network raised, as a page failure. */
export function failureFromError(error: unknown): PageFailure {
  if (error instanceof GuardedFetchError) {
    const reasons = {
      BLOCKED_DESTINATION: 'blocked-destination',
      TOO_MANY_REDIRECTS: 'too-many-redirects',
      RESPONSE_TOO_LARGE: 'too-large',
      REQUEST_TIMEOUT: 'timeout',
    } as const;
    return { reason: reasons[error.code], message: error.message, isRetryable: error.isRetryable };
  }
  return { reason: 'unreachable', message: `The site could not be reached (${networkCause(error)})`, isRetryable: true };
}

/** Failures for HTTP statuses that carry no page: 404 and 410 say the page is gone. */
export function failureFromStatus(status: number, statusText: string): PageFailure {
  const described = `HTTP ${status}${statusText ? ` ${statusText}` : ''}`;
  if (status === 404 || status === 410) {
    return { reason: 'not-found', message: `The page does not exist (${described})`, httpStatus: status, isRetryable: false };
  }
  const isRetryable = status === 408 || status === 429 || status >= 500;
  return { reason: 'http-error', message: `The server answered ${described}`, httpStatus: status, isRetryable };
}

/** undici rejects with `TypeError('fetch failed')` whose cause holds the system error code. */
function networkCause(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = cause instanceof Error && 'code' in cause ? String(cause.code) : undefined;
  return code ?? (error instanceof Error ? error.message : String(error));
}
