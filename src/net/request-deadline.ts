import { RequestTimeoutError } from './errors.js';

/** An overall time limit for one request, merged with the caller's own abort signal. */
export interface RequestDeadline {
  /** Aborts on the caller's signal, or with a RequestTimeoutError when time runs out. */
  signal: AbortSignal;
  /** Stops the clock once the response body has been read, failed or been cancelled. */
  clear(): void;
}

export function startDeadline(timeoutMs: number, callerSignal: AbortSignal): RequestDeadline {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new RequestTimeoutError(timeoutMs)), timeoutMs);
  return {
    signal: AbortSignal.any([callerSignal, timeout.signal]),
    clear: () => clearTimeout(timer),
  };
}
