import { statfs } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { version } from '../../../version.js';
import { SuccessEnvelope, errorResponses } from '../schemas/common.js';
import { success } from '../envelope.js';

const tags = ['Health'];

const Check = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('error'), Type.Literal('disabled')]),
  latencyMs: Type.Optional(Type.Number()),
  detail: Type.Optional(Type.String()),
});

async function timed(check: () => Promise<unknown>): Promise<{ status: 'ok' | 'error'; latencyMs: number; detail?: string }> {
  const started = performance.now();
  try {
    await check();
    return { status: 'ok', latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  } catch {
    // The reason goes nowhere: it may carry connection strings. The log of the failing component has it.
    return { status: 'error', latencyMs: Math.round((performance.now() - started) * 100) / 100, detail: 'unreachable' };
  }
}

/** seed 004's Health endpoints: a cheap public probe, a detailed admin view and Prometheus metrics. */
export default async function healthRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const startedAt = Date.now();

  app.get(
    '/health',
    {
      config: { access: 'public', rateLimit: 'none' },
      schema: {
        tags,
        summary: 'Basic health check (public, cheap: touches no dependency)',
        response: { 200: SuccessEnvelope(Type.Object({ status: Type.Literal('ok'), version: Type.String() })) },
      },
    },
    async () => success({ status: 'ok' as const, version }),
  );

  app.get(
    '/health/status',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Detailed system status (admin only)',
        response: {
          200: SuccessEnvelope(
            Type.Object({
              status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
              version: Type.String(),
              uptimeSeconds: Type.Number(),
              database: Type.Object({ ...Check.properties, backend: Type.String() }),
              redis: Check,
              disk: Type.Object({
                status: Type.Union([Type.Literal('ok'), Type.Literal('low'), Type.Literal('error')]),
                path: Type.String(),
                freeBytes: Type.Number(),
                totalBytes: Type.Number(),
              }),
              memory: Type.Object({ rssBytes: Type.Number(), heapUsedBytes: Type.Number() }),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async () => {
      const [database, redis, disk] = await Promise.all([
        timed(() => app.store.ping()),
        app.redis ? timed(() => app.redis!.ping()) : Promise.resolve({ status: 'disabled' as const }),
        diskStatus(app.config.dataDir),
      ]);
      const memory = process.memoryUsage();
      const healthy = database.status === 'ok' && redis.status !== 'error' && disk.status === 'ok';
      return success({
        status: healthy ? ('ok' as const) : ('degraded' as const),
        version,
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
        database: { ...database, backend: app.store.capabilities.name },
        redis,
        disk,
        memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed },
      });
    },
  );

  app.get(
    '/metrics',
    {
      config: { access: 'metrics', rateLimit: 'none' },
      schema: { tags, summary: 'Prometheus metrics (admin, or Bearer METRICS_TOKEN)' },
    },
    async (_request, reply) => {
      reply.header('content-type', app.metrics.contentType);
      return app.metrics.metrics();
    },
  );
}

async function diskStatus(path: string) {
  try {
    const stats = await statfs(path);
    const freeBytes = stats.bavail * stats.bsize;
    const totalBytes = stats.blocks * stats.bsize;
    // Under 1 GiB or 5% free, ingestion and SQLite writes are about to fail.
    const low = freeBytes < 1024 ** 3 || freeBytes / totalBytes < 0.05;
    return { status: low ? ('low' as const) : ('ok' as const), path, freeBytes, totalBytes };
  } catch {
    return { status: 'error' as const, path, freeBytes: 0, totalBytes: 0 };
  }
}
