import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimits } from '../../src/rate-limits/rate-limits.js';
import { redisUrl } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe('rate limits in memory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { RATE_LIMIT_AUTH: '4' });
  });
  afterAll(() => t.close());

  it('sends X-RateLimit headers and answers 429 RATE_LIMIT_EXCEEDED past the auth limit', async () => {
    const statuses: number[] = [];
    let last;
    for (let attempt = 0; attempt < 5; attempt++) {
      last = await t.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: 'nope' } });
      statuses.push(last.status);
      expect(last.headers['x-ratelimit-limit']).toBe('4');
      expect(Number(last.headers['x-ratelimit-remaining'])).toBe(Math.max(0, 3 - attempt));
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect(last!.body).toEqual({ status: 'error', message: expect.any(String), code: 'RATE_LIMIT_EXCEEDED' });
    const reset = Number(last!.headers['x-ratelimit-reset']);
    const now = Date.now() / 1000;
    expect(reset).toBeGreaterThan(now);
    expect(reset).toBeLessThanOrEqual(now + 61);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts management routes per user, not globally', async () => {
    const managed = await createTestApp('sqlite', { RATE_LIMIT_MANAGEMENT: '3' });
    try {
      const first = await managed.signUp('limited-one');
      const second = await managed.signUp('limited-two');
      const statuses = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        statuses.push((await managed.request('GET', '/api/v1/auth/me', { token: first.accessToken })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect((await managed.request('GET', '/api/v1/auth/me', { token: second.accessToken })).status).toBe(200);
    } finally {
      await managed.close();
    }
  });

  it('limits login attempts per account on top of the per-IP budget', async () => {
    const guarded = await createTestApp('sqlite', { RATE_LIMIT_AUTH: '8' });
    try {
      await guarded.signUp('victim');
      const statuses = [];
      for (let attempt = 0; attempt < 5; attempt++) {
        const response = await guarded.request('POST', '/api/v1/auth/login', { body: { username: 'VICTIM', password: 'wrong-guess' } });
        statuses.push(response.status);
      }
      // The account allows 4 attempts a window (half the per-IP budget); signUp's login used one.
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const blocked = await guarded.request('POST', '/api/v1/auth/login', { body: { username: 'victim', password: 'victim-password' } });
      expect(blocked.status).toBe(429);
      expect(blocked.body.message).toMatch(/this account/);
    } finally {
      await guarded.close();
    }
  });

  it('never limits the health probe', async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await t.request('GET', '/api/v1/health');
      expect(response.status).toBe(200);
      expect(response.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });
});

describe('rate limits in Redis', () => {
  const prefix = `docent-test:${randomBytes(4).toString('hex')}`;
  let redis: Redis;
  beforeAll(async () => {
    redis = new Redis(redisUrl);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('shares one budget between processes', async () => {
    const settings = { windowSeconds: 60, auth: 5, conversation: 60, management: 30, widgetKey: 600 };
    const processA = new RateLimits(settings, redis, prefix);
    const processB = new RateLimits(settings, new Redis(redisUrl), prefix);
    const results = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const limiter = attempt % 2 === 0 ? processA : processB;
      results.push((await limiter.consume('auth', 'ip:203.0.113.9')).allowed);
    }
    expect(results).toEqual([true, true, true, true, true, false]);
    expect(await redis.keys(`${prefix}:auth*`)).not.toHaveLength(0);
  });

  it('two apps on one Redis enforce one limit over HTTP', async () => {
    const environment = { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: prefix, RATE_LIMIT_AUTH: '3' };
    const [first, second] = [await createTestApp('sqlite', environment), await createTestApp('sqlite', environment)];
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        const app = attempt % 2 === 0 ? first : second;
        statuses.push((await app.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: 'nope' } })).status);
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses[3]).toBe(429);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
