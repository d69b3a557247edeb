import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config.js';
import { ensureInitialAdmin } from './core/accounts/initial-admin.js';
import { ConflictError } from './core/errors.js';
import { buildApp } from './http/app.js';

/** Boots the platform: builds the app, makes sure an admin exists, listens, shuts down cleanly. */
export async function startServer(config: Config = loadConfig()): Promise<FastifyInstance> {
  const app = await buildApp(config);
  try {
    const admin = await ensureInitialAdmin(app.store, app.services.accounts, config.initialAdmin);
    if (admin.generatedPassword) {
      // Printed, not logged: the operator needs it once, and log pipelines must never hold it.
      process.stdout.write(
        `\nDocent created the first admin account.\n  username: ${admin.username}\n  password: ${admin.generatedPassword}\n` +
          'This password is shown only now. Sign in and change it, or set ADMIN_EMAIL and ADMIN_PASSWORD.\n\n',
      );
    } else if (admin.created) {
      app.log.info({ username: admin.username }, 'created the first admin from ADMIN_EMAIL');
    }
  } catch (error) {
    // Another process starting at the same time created it first.
    if (!(error instanceof ConflictError)) throw error;
  }

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  return app;
}
