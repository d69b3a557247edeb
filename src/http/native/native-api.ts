import type { FastifyInstance } from 'fastify';
import { installAccessControl } from './access.js';
import { installNativeErrorHandling } from './error-handler.js';
import { installRateLimiting } from './rate-limiting.js';
import adminUserRoutes from './routes/admin-user-routes.js';
import apiKeyRoutes from './routes/api-key-routes.js';
import authRoutes from './routes/auth-routes.js';
import healthRoutes from './routes/health-routes.js';

/**
 * The native API (seed 004's style), mounted at /api/v1 as its own encapsulated context: its own
 * error format, access control and rate limits apply to every route registered here.
 */
export default async function nativeApi(app: FastifyInstance): Promise<void> {
  installNativeErrorHandling(app);
  installAccessControl(app);
  installRateLimiting(app);

  app.get('/openapi.json', { config: { access: 'public', rateLimit: 'none' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(authRoutes);
  await app.register(apiKeyRoutes);
  await app.register(adminUserRoutes);
  await app.register(healthRoutes);
}
