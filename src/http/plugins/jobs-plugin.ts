import { join } from 'node:path';
import fp from 'fastify-plugin';
import { InProcessJobQueue } from '../../jobs/in-process-job-queue.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { RedisJobQueue } from '../../jobs/redis-job-queue.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The background job queue: register handlers while plugins load; it starts once the app is ready. */
    jobs: JobQueue;
  }
}

/**
 * The job queue: BullMQ on Redis when REDIS_URL is set (any number of processes share it),
 * otherwise in this process with its state in DATA_DIR/jobs.sqlite. It starts on `onReady`,
 * after every plugin had the chance to register its jobs, and drains on close.
 */
export default fp(
  async (app) => {
    const { config } = app;
    const onError = (error: unknown) => app.log.error({ err: error }, 'job queue error');
    const jobs: JobQueue = config.redisUrl
      ? new RedisJobQueue({ url: config.redisUrl, keyPrefix: `${config.redisKeyPrefix}:jobs`, onError })
      : new InProcessJobQueue({ path: join(config.dataDir, 'jobs.sqlite'), onError });
    app.decorate('jobs', jobs);
    app.addHook('onReady', () => jobs.start());
    app.addHook('onClose', () => jobs.close());
  },
  { name: 'jobs', dependencies: ['config'] },
);
