import { DomainError, type ErrorCode } from '../errors.js';

/** Why the widget API turned a request away; the widget picks its message for visitors from it. */
export type WidgetRefusalReason =
  | 'key-missing'
  | 'key-invalid'
  | 'key-revoked'
  | 'origin-not-allowed'
  | 'assistant-unavailable'
  | 'visitor-invalid'
  | 'conversation-not-found';

const statusOf: Record<ErrorCode, number> = {
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMIT_EXCEEDED: 429,
  SERVER_ERROR: 500,
};

/** A domain error with a machine-readable reason on top of seed 004's code. */
export class WidgetRefusal extends DomainError {
  constructor(
    readonly reason: WidgetRefusalReason,
    code: ErrorCode,
    message: string,
  ) {
    super(code, statusOf[code], message);
  }
}

export const refusals = {
  keyMissing: () => new WidgetRefusal('key-missing', 'UNAUTHORIZED', 'A widget key is required (X-Widget-Key header or key query parameter)'),
  keyInvalid: () => new WidgetRefusal('key-invalid', 'UNAUTHORIZED', 'This widget key is not valid'),
  keyRevoked: () => new WidgetRefusal('key-revoked', 'UNAUTHORIZED', 'This widget key has been revoked'),
  originMissing: () =>
    new WidgetRefusal('origin-not-allowed', 'FORBIDDEN', 'The widget API only answers web pages: the Origin header is missing'),
  originNotAllowed: (origin: string) =>
    new WidgetRefusal('origin-not-allowed', 'FORBIDDEN', `The origin ${origin.slice(0, 200)} is not allowed to use this widget key`),
  assistantUnavailable: () => new WidgetRefusal('assistant-unavailable', 'NOT_FOUND', 'This assistant is not available'),
  visitorInvalid: () => new WidgetRefusal('visitor-invalid', 'UNAUTHORIZED', 'A valid visitor token is required (X-Visitor-Token header)'),
  conversationNotFound: () => new WidgetRefusal('conversation-not-found', 'NOT_FOUND', 'Conversation not found'),
};
