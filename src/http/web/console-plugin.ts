import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The console's pages may load only their own scripts, styles and images and talk only to their
 * own origin; no inline code, no framing (clickjacking), no plugins, no foreign form targets.
 */
export const consoleContentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

export interface ConsolePluginOptions {
  /** The built console (`vite build --config web/console/vite.config.ts`); dist/web/console by default. */
  root?: string;
}

// Resolves to <repo>/dist/web/console both from src/http/web (tsx) and dist/http/web (built).
const defaultRoot = fileURLToPath(new URL('../../../dist/web/console', import.meta.url));

/** Whether an unmatched request is a browser opening a console address (client-side routed). */
function isConsolePageRequest(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !path.startsWith('/api/') &&
    !path.startsWith('/assets/') &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

/**
 * Serves the web console at `/`: hashed assets cached for a year, and `index.html` — never
 * cached, under a strict CSP — for `/` and any other page address the console routes itself.
 * Unmatched requests that are not page loads keep a plain 404. Without a build it serves nothing.
 */
export default async function consolePlugin(app: FastifyInstance, options: ConsolePluginOptions): Promise<void> {
  const root = options.root ?? defaultRoot;
  const indexPath = join(root, 'index.html');
  if (!existsSync(indexPath)) {
    app.log.warn({ root }, 'web console not built (run npm run build:web); not serving it');
    return;
  }
  const indexHtml = readFileSync(indexPath);
  const sendIndex = (reply: FastifyReply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', consoleContentSecurityPolicy)
      .send(indexHtml);

  await app.register(fastifyStatic, {
    root: join(root, 'assets'),
    prefix: '/assets/',
    wildcard: false,
    index: false,
    maxAge: '365d',
    immutable: true,
  });

  app.get('/', { schema: { hide: true } }, (_request, reply) => sendIndex(reply));

  app.setNotFoundHandler((request, reply) => {
    if (isConsolePageRequest(request)) return sendIndex(reply);
    return reply.status(404).send({
      statusCode: 404,
      error: 'Not Found',
      message: `Route ${request.method}:${(request.url.split('?')[0] ?? '').slice(0, 200)} not found`,
    });
  });
}
