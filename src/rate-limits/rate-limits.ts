import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitSettings } from '../config.js';

/** The groups of seed 004's "Rate Limiting", plus per-account login and reset attempts. */
export type RateLimitGroup = 'auth' | 'account' | 'conversation' | 'management' | 'widget-key';

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix time (seconds) when the window resets, as seed 004's X-RateLimit-Reset. */
  resetAt: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters per group and key. In memory by default; in Redis when a client is
 * given, so several processes share one budget. If Redis goes away, counting falls back to
 * memory instead of failing requests (rate-limiter-flexible's insurance limiter).
 */
export class RateLimits {
  private readonly limiters: Record<RateLimitGroup, { limiter: RateLimiterAbstract; points: number }>;

  constructor(settings: RateLimitSettings, redis: Redis | undefined, keyPrefix: string) {
    const make = (group: RateLimitGroup, points: number) => {
      const options = { points, duration: settings.windowSeconds, keyPrefix: `${keyPrefix}:${group}` };
      const memory = new RateLimiterMemory(options);
      const limiter = redis
        ? new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: memory })
        : memory;
      return { limiter, points };
    };
    this.limiters = {
      auth: make('auth', settings.auth),
      account: make('account', Math.max(1, Math.ceil(settings.auth / 2))),
      conversation: make('conversation', settings.conversation),
      management: make('management', settings.management),
      'widget-key': make('widget-key', settings.widgetKey),
    };
  }

  async consume(group: RateLimitGroup, key: string): Promise<RateLimitDecision> {
    const { limiter, points } = this.limiters[group];
    try {
      return decision(points, await limiter.consume(key), true);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return decision(points, rejection, false);
      throw rejection;
    }
  }
}

function decision(limit: number, result: RateLimiterRes, allowed: boolean): RateLimitDecision {
  const retryAfterSeconds = Math.max(1, Math.ceil(result.msBeforeNext / 1000));
  return {
    allowed,
    limit,
    remaining: Math.max(0, result.remainingPoints),
    resetAt: Math.ceil((Date.now() + result.msBeforeNext) / 1000),
    retryAfterSeconds,
  };
}
