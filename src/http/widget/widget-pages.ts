import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { WidgetRefusal } from '../../core/widgets/widget-refusal.js';
import { StrictObject } from '../native/schemas/common.js';
import { hostedPage, hostedPagePolicy, unavailablePage } from './hosted-page.js';
import { loadWidgetScript, type WidgetScript } from './widget-script.js';

const WidgetKeyParams = StrictObject({ key: Type.String({ minLength: 1, maxLength: 200 }) });

/**
 * What browsers load from Docent for the widget: `/widget.js` (for any site's `<script>` tag) and
 * `/chat/:key`, a shareable full-page chat for a publishable key. Its own context: errors here
 * are HTML pages, not JSON.
 */
export default async function widgetPages(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { widgetGateway, widgetChat } = app.services;
  let script: WidgetScript | undefined;

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const refused = error instanceof WidgetRefusal;
    if (!refused && (error.statusCode ?? 500) >= 500) request.log.error({ err: error }, 'widget page failed');
    const status = refused ? error.statusCode : (error.statusCode ?? 500) < 500 ? 404 : 500;
    const message = refused ? 'This chat is not available.' : 'Something went wrong. Please try again later.';
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .header('content-security-policy', hostedPagePolicy({ frameAncestors: [] }))
      .send(unavailablePage(message));
  });

  app.get('/widget.js', { schema: { hide: true } }, async (request, reply) => {
    script ??= await loadWidgetScript();
    if (!script) return reply.status(404).type('text/plain; charset=utf-8').send('The widget has not been built: run npm run build:web');
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('etag', script.etag)
      .header('vary', 'Accept-Encoding')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('access-control-allow-origin', '*');
    if (request.headers['if-none-match'] === script.etag) return reply.status(304).send();
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) return reply.header('content-encoding', 'gzip').send(script.gzipped);
    return reply.send(script.body);
  });

  app.get('/chat/:key', { schema: { hide: true, params: WidgetKeyParams } }, async (request, reply) => {
    const key = await widgetGateway.identify(request.params.key);
    const configuration = await widgetChat.configuration(widgetGateway.admit(key));
    const { avatarUrl } = configuration.appearance;
    reply.removeHeader('x-frame-options');
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .header(
        'content-security-policy',
        hostedPagePolicy({
          frameAncestors: JSON.parse(key.allowedOrigins) as string[],
          avatarOrigin: avatarUrl ? new URL(avatarUrl).origin : undefined,
        }),
      )
      .send(hostedPage({ title: configuration.assistant.name, widgetKey: key.key }));
  });
}
