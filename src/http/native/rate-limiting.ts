import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RateLimitError } from '../../core/errors.js';

function subjectOf(request: FastifyRequest): string {
  const principal = request.principal;
  if (principal?.kind === 'api-key') return `key:${principal.apiKeyId}`;
  if (principal) return `user:${principal.user.id}`;
  return `ip:${request.ip}`;
}

/**
 * Counts every native request against its route's group, per API key, user or IP, and sends
 * seed 004's X-RateLimit-* headers. Runs after access control so limits follow the caller.
 */
export function installRateLimiting(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const group = request.routeOptions.config.rateLimit ?? 'management';
    if (group === 'none') return;
    const decision = await app.rateLimits.consume(group, subjectOf(request));
    reply.header('x-ratelimit-limit', decision.limit);
    reply.header('x-ratelimit-remaining', decision.remaining);
    reply.header('x-ratelimit-reset', decision.resetAt);
    if (!decision.allowed) throw new RateLimitError(decision.retryAfterSeconds);
  });
}

/** An extra per-account budget for login and password reset, on top of the per-IP one. */
export async function limitAccountAttempts(app: FastifyInstance, identifier: string): Promise<void> {
  const decision = await app.rateLimits.consume('account', identifier.trim().toLowerCase());
  if (!decision.allowed) throw new RateLimitError(decision.retryAfterSeconds, 'Too many attempts for this account, try again later');
}
