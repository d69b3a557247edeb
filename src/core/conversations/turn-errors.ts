import type { ChatErrorCode } from '../../llm/chat-stream-event.js';
import { DomainError } from '../errors.js';

/**
 * A chat turn whose model call failed, for callers answering in one piece. The HTTP status says
 * whose fault it is (504 for an upstream that went silent, 502 otherwise); `upstreamCode` is the
 * precise reason (`UPSTREAM_TIMEOUT`, `UPSTREAM_RATE_LIMITED`, ...) that the error handler puts
 * on the wire in place of the generic SERVER_ERROR. The failed answer is stored either way.
 */
export class UpstreamTurnError extends DomainError {
  constructor(
    readonly upstreamCode: ChatErrorCode,
    message: string,
    readonly isRetryable: boolean,
  ) {
    super('SERVER_ERROR', upstreamCode === 'UPSTREAM_TIMEOUT' ? 504 : 502, message);
  }
}
