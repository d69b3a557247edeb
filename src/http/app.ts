import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import type { DestinationStream } from 'pino';
import type { Config } from '../config.js';
import { routeSdkWarningsTo } from '../llm/sdk-warnings.js';
import { loggerOptions } from './logging.js';
import nativeApi from './native/native-api.js';
import consolePlugin from './web/console-plugin.js';
import configPlugin from './plugins/config-plugin.js';
import jobsPlugin from './plugins/jobs-plugin.js';
import metricsPlugin from './plugins/metrics-plugin.js';
import openapiPlugin from './plugins/openapi-plugin.js';
import rateLimitsPlugin from './plugins/rate-limits-plugin.js';
import redisPlugin from './plugins/redis-plugin.js';
import servicesPlugin from './plugins/services-plugin.js';
import storePlugin from './plugins/store-plugin.js';
import widgetApi from './widget/widget-api.js';
import widgetPages from './widget/widget-pages.js';
import { formatSchemaErrors, validatorCompiler } from './validation.js';

const requestIdPattern = /^[A-Za-z0-9._-]{1,128}$/;

/** Keeps a caller's correlation id when it is harmless; otherwise a fresh UUID. */
function requestId(request: IncomingMessage): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
}

/**
 * The whole platform as one Fastify plugin tree. `server.ts` and the CLI only boot it; tests
 * build it and drive it with `inject` or real HTTP.
 */
export async function buildApp(config: Config, options: { logStream?: DestinationStream } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logStream
      ? { ...loggerOptions(config.logLevel), stream: options.logStream }
      : loggerOptions(config.logLevel),
    genReqId: requestId,
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    schemaErrorFormatter: (errors, part) => formatSchemaErrors(errors, part),
  });
  app.setValidatorCompiler(validatorCompiler);
  routeSdkWarningsTo(app.log);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Infrastructure first, in declared dependency order.
  await app.register(configPlugin, { config });
  await app.register(storePlugin);
  await app.register(redisPlugin);
  await app.register(rateLimitsPlugin);
  await app.register(jobsPlugin);
  await app.register(servicesPlugin);
  await app.register(metricsPlugin);
  await app.register(helmet, { contentSecurityPolicy: false, crossOriginResourcePolicy: false });
  await app.register(openapiPlugin);

  // API surfaces.
  await app.register(nativeApi, { prefix: '/api/v1' });
  await app.register(widgetApi, { prefix: '/api/widget/v1' });
  await app.register(widgetPages);
  await app.register(consolePlugin);
  return app;
}
