import type { FastifyInstance } from 'fastify';
import { installWidgetAccess } from './widget-access.js';
import { installWidgetErrorHandling } from './widget-error-handler.js';
import { installWidgetRateLimiting } from './widget-rate-limiting.js';
import widgetChatRoutes from './routes/widget-chat-routes.js';

/**
 * The widget API, mounted at /api/widget/v1 as its own encapsulated context: publishable key and
 * origin checks with CORS for allowed origins only, per-visitor and per-key rate limits, and its
 * own error handler. It holds no chat logic: every route calls the widget chat service.
 */
export default async function widgetApi(app: FastifyInstance): Promise<void> {
  installWidgetErrorHandling(app);
  installWidgetAccess(app);
  installWidgetRateLimiting(app);
  await app.register(widgetChatRoutes);
}
