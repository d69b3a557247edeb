import type { FastifyInstance, FastifyRequest } from 'fastify';
import { looksLikeJwt } from '../../core/accounts/access-tokens.js';
import { apiKeyPrefix } from '../../core/accounts/api-key-service.js';
import { isAdmin, type Principal } from '../../core/accounts/principal.js';
import { constantTimeEquals } from '../../core/accounts/secrets.js';
import { ForbiddenError, UnauthorizedError } from '../../core/errors.js';
import type { RateLimitGroup } from '../../rate-limits/rate-limits.js';

/**
 * Who may call a route:
 * - `public`: anyone;
 * - `user`: any signed-in account, by access token or API key;
 * - `session`: an access token only (e.g. minting API keys, which a key must not do);
 * - `admin`: an admin account;
 * - `metrics`: an admin, or the METRICS_TOKEN as a Bearer token.
 */
export type Access = 'public' | 'user' | 'session' | 'admin' | 'metrics';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Rate-limit group; `none` for probes that must never be throttled. Defaults to management. */
    rateLimit?: RateLimitGroup | 'none';
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

function readCredential(request: FastifyRequest): string | undefined {
  const apiKey = request.headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey) return apiKey.trim();
  const authorization = request.headers.authorization;
  if (!authorization) return undefined;
  const match = /^(?:Bearer|Token)\s+(\S+)\s*$/i.exec(authorization);
  if (!match?.[1]) throw new UnauthorizedError('Authorization header must be "Bearer <token>"');
  return match[1];
}

/**
 * The one place every native route's caller is identified and checked, before the body is even
 * read. Routes say what they need in `config.access`; the default is a signed-in account.
 */
export function installAccessControl(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access ?? 'user';
    // Unknown routes answer 404 to everyone rather than asking for credentials first.
    if (access === 'public' || request.is404) return;
    const credential = readCredential(request);
    if (access === 'metrics' && credential && app.config.metricsToken) {
      if (constantTimeEquals(credential, app.config.metricsToken)) return;
    }
    if (!credential) throw new UnauthorizedError();
    const { accounts, apiKeys } = app.services;
    const principal =
      credential.startsWith(apiKeyPrefix) || !looksLikeJwt(credential)
        ? await apiKeys.authenticate(credential)
        : await accounts.authenticateAccessToken(credential);
    request.principal = principal;

    if (access === 'session' && principal.kind !== 'session') {
      throw new ForbiddenError('This route needs a signed-in session, not an API key');
    }
    if ((access === 'admin' || access === 'metrics') && !isAdmin(principal)) {
      throw new ForbiddenError('Admin access required');
    }
    if (principal.kind === 'api-key' && !safeMethods.has(request.method) && !principal.scopes.includes('write')) {
      throw new ForbiddenError('This API key is read-only');
    }
  });
}

/** The signed-in caller of a route whose access is not `public`. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthorizedError();
  return request.principal;
}
