import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RateLimitError } from '../../core/errors.js';
import type { RateLimitDecision } from '../../rate-limits/rate-limits.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route also spends the key's shared budget (sends do: they are what costs). */
    spendsKeyBudget?: boolean;
  }
}

function subjectOf(request: FastifyRequest): string {
  return request.widgetVisitor ? `visitor:${request.widgetVisitor.visitorId}` : `widget-ip:${request.ip}`;
}

/**
 * Widget requests count against the conversation budget of their visitor (or, before there is
 * one, their IP); sends also count against the key's own budget (RATE_LIMIT_WIDGET_KEY, larger:
 * a site has many visitors), so one site cannot flood the assistant however many visitors it
 * has. The headers report the tighter of the two.
 */
export function installWidgetRateLimiting(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const access = request.widgetAccess;
    if (!access) return;
    const decisions: RateLimitDecision[] = [await app.rateLimits.consume('conversation', subjectOf(request))];
    if (request.routeOptions.config.spendsKeyBudget) {
      decisions.push(await app.rateLimits.consume('widget-key', access.keyId));
    }
    const refused = decisions.find((decision) => !decision.allowed);
    const tightest = refused ?? decisions.reduce((least, decision) => (decision.remaining < least.remaining ? decision : least));
    reply.header('x-ratelimit-limit', tightest.limit);
    reply.header('x-ratelimit-remaining', tightest.remaining);
    reply.header('x-ratelimit-reset', tightest.resetAt);
    if (refused) throw new RateLimitError(refused.retryAfterSeconds, 'Too many messages, please wait a moment');
  });
}
