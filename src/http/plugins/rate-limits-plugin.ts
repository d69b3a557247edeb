import fp from 'fastify-plugin';
import { RateLimits } from '../../rate-limits/rate-limits.js';

declare module 'fastify' {
  interface FastifyInstance {
    rateLimits: RateLimits;
  }
}

export default fp(
  async (app) => {
    app.decorate('rateLimits', new RateLimits(app.config.rateLimits, app.redis, `${app.config.redisKeyPrefix}:rl`));
  },
  { name: 'rate-limits', dependencies: ['config', 'redis'] },
);
