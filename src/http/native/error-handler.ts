import type { FastifyError, FastifyInstance } from 'fastify';
import { UpstreamTurnError } from '../../core/conversations/turn-errors.js';
import { DomainError, RateLimitError, type ErrorCode } from '../../core/errors.js';

const codeByStatus: Record<number, ErrorCode> = {
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMIT_EXCEEDED',
};

/** seed 004's codes, or the precise upstream code of a failed chat turn (UPSTREAM_TIMEOUT, ...). */
function errorBody(message: string, code: ErrorCode | UpstreamTurnError['upstreamCode']) {
  return { status: 'error' as const, message, code };
}

/**
 * seed 004's error format for everything under /api/v1: domain errors keep their code, framework
 * errors (bad JSON, schema violations, oversized bodies) become client errors with a clear
 * message, and anything else is a 500 whose details go to the log only.
 */
export function installNativeErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      if (error instanceof RateLimitError) reply.header('retry-after', String(error.retryAfterSeconds));
      const code = error instanceof UpstreamTurnError ? error.upstreamCode : error.code;
      return reply.status(error.statusCode).send(errorBody(error.message, code));
    }
    const status = error.statusCode ?? 500;
    if ('validation' in error && error.validation) {
      return reply.status(400).send(errorBody(error.message, 'VALIDATION_ERROR'));
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send(errorBody(error.message, codeByStatus[status] ?? 'VALIDATION_ERROR'));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send(errorBody('Internal server error', 'SERVER_ERROR'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send(errorBody(`Route ${request.method} ${(request.url.split('?')[0] ?? '').slice(0, 200)} not found`, 'NOT_FOUND'));
  });
}
