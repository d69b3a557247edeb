import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, RateLimitError, type ErrorCode } from '../../core/errors.js';
import { WidgetRefusal } from '../../core/widgets/widget-refusal.js';

const codeByStatus: Record<number, ErrorCode> = { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 429: 'RATE_LIMIT_EXCEEDED' };

function errorBody(message: string, code: ErrorCode, reason?: string) {
  return reason ? { status: 'error' as const, message, code, reason } : { status: 'error' as const, message, code };
}

/**
 * The widget API's errors: seed 004's `{status, message, code}`, plus a `reason` when the widget
 * refused the request (`origin-not-allowed`, `key-revoked`, ...) so it can tell the visitor
 * kindly. 5xx details go to the log only. CORS headers already granted stay on the error, so
 * a widget on an allowed site can read it.
 */
export function installWidgetErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      if (error instanceof RateLimitError) reply.header('retry-after', String(error.retryAfterSeconds));
      const reason = error instanceof WidgetRefusal ? error.reason : undefined;
      return reply.status(error.statusCode).send(errorBody(error.message, error.code, reason));
    }
    const status = error.statusCode ?? 500;
    if ('validation' in error && error.validation) return reply.status(400).send(errorBody(error.message, 'VALIDATION_ERROR'));
    if (status >= 400 && status < 500) {
      return reply.status(status).send(errorBody(error.message, codeByStatus[status] ?? 'VALIDATION_ERROR'));
    }
    request.log.error({ err: error }, 'widget request failed');
    return reply.status(500).send(errorBody('Internal server error', 'SERVER_ERROR'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody(`Route ${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)} not found`, 'NOT_FOUND'));
  });
}
