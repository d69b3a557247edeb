import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Visitor } from '../../core/widgets/visitor-tokens.js';
import type { RequestOrigin, WidgetAccess } from '../../core/widgets/widget-gateway.js';
import { refusals } from '../../core/widgets/widget-refusal.js';

declare module 'fastify' {
  interface FastifyRequest {
    widgetAccess: WidgetAccess | null;
    widgetVisitor: Visitor | null;
  }
}

/** Response headers a widget on another origin may read: the rate-limit budget above all. */
const exposedHeaders = 'x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, retry-after, x-request-id';

function readKey(request: FastifyRequest): string | undefined {
  const header = request.headers['x-widget-key'];
  if (typeof header === 'string' && header.trim()) return header.trim();
  const query = (request.query as { key?: unknown } | undefined)?.key;
  return typeof query === 'string' && query.trim() ? query.trim() : undefined;
}

function originOf(request: FastifyRequest): RequestOrigin {
  const origin = request.headers.origin;
  return {
    origin: typeof origin === 'string' && origin ? origin : undefined,
    ownOrigin: `${request.protocol}://${request.host}`,
    sameOriginFetch: request.headers['sec-fetch-site'] === 'same-origin',
  };
}

function allowCors(reply: FastifyReply, origin: string, preflight: boolean): void {
  reply.header('access-control-allow-origin', origin);
  reply.header('access-control-expose-headers', exposedHeaders);
  if (preflight) {
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-allow-headers', 'content-type, x-widget-key, x-visitor-token');
    reply.header('access-control-max-age', '600');
  }
}

/**
 * Every widget request, preflights included, names a publishable key and comes from an origin
 * that key allows; only then does the response carry CORS headers, so a page on any other site
 * cannot read a byte. Preflights stop after the origin check (the OPTIONS route answers 204);
 * other requests must also have a live key and chatbot, and may name a visitor.
 */
export function installWidgetAccess(app: FastifyInstance): void {
  const { widgetGateway, widgetChat } = app.services;
  app.decorateRequest('widgetAccess', null);
  app.decorateRequest('widgetVisitor', null);
  app.addHook('onRequest', async (request, reply) => {
    if (request.is404) return;
    reply.header('vary', 'Origin');
    const key = await widgetGateway.identify(readKey(request));
    const corsOrigin = widgetGateway.checkOrigin(key, originOf(request));
    if (corsOrigin) allowCors(reply, corsOrigin, request.method === 'OPTIONS');
    if (request.method === 'OPTIONS') return;
    const access = widgetGateway.admit(key);
    request.widgetAccess = access;
    const token = request.headers['x-visitor-token'];
    request.widgetVisitor = widgetChat.findVisitor(access, typeof token === 'string' ? token : undefined) ?? null;
  });
}

/** The admitted key of a widget route (every route but the preflight has one). */
export function accessOf(request: FastifyRequest): WidgetAccess {
  if (!request.widgetAccess) throw refusals.keyMissing();
  return request.widgetAccess;
}

/** The visitor of a route that reads or writes their conversations. */
export function visitorOf(request: FastifyRequest): Visitor {
  if (!request.widgetVisitor) throw refusals.visitorInvalid();
  return request.widgetVisitor;
}
