import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, redisUrl } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(backends)('health and metrics on %s', (backend) => {
  let t: TestApp;
  let adminToken: string;
  let userToken: string;
  beforeAll(async () => {
    t = await createTestApp(backend, { METRICS_TOKEN: 'scrape-token-123', REDIS_URL: redisUrl });
    adminToken = await t.loginAdmin();
    userToken = (await t.signUp('observer')).accessToken;
  });
  afterAll(() => t.close());

  it('GET /health is public and cheap', async () => {
    const response = await t.request('GET', '/api/v1/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'success', data: { status: 'ok', version: expect.any(String) } });
  });

  it('GET /health/status reports database, Redis, disk, version and uptime to admins only', async () => {
    const response = await t.request('GET', '/api/v1/health/status', { token: adminToken });
    expect(response.status).toBe(200);
    expect(response.body.data).toMatchObject({
      status: 'ok',
      version: expect.any(String),
      uptimeSeconds: expect.any(Number),
      database: { status: 'ok', backend, latencyMs: expect.any(Number) },
      redis: { status: 'ok' },
      disk: { path: t.config.dataDir, freeBytes: expect.any(Number), totalBytes: expect.any(Number) },
      memory: { rssBytes: expect.any(Number) },
    });
    expect((await t.request('GET', '/api/v1/health/status', { token: userToken })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/health/status')).status).toBe(401);
  });

  it('GET /metrics serves Prometheus text to admins and the metrics token', async () => {
    await t.request('GET', '/api/v1/auth/me', { token: userToken });
    for (const token of [adminToken, 'scrape-token-123']) {
      const response = await t.request('GET', '/api/v1/metrics', { token });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('text/plain');
      expect(response.text).toMatch(/docent_http_requests_total\{method="GET",route="\/api\/v1\/auth\/me",status_code="200"\} \d+/);
      expect(response.text).toContain('docent_http_request_duration_seconds_bucket');
      expect(response.text).toContain('process_resident_memory_bytes');
    }
    expect((await t.request('GET', '/api/v1/metrics', { token: userToken })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/metrics', { token: 'wrong-token' })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/metrics')).status).toBe(401);
  });

  it('labels unknown routes without their raw URL', async () => {
    await t.request('GET', '/api/v1/no/such/route/12345');
    const metrics = await t.request('GET', '/api/v1/metrics', { token: adminToken });
    expect(metrics.text).not.toContain('12345');
  });
});

describe('health when a dependency is down', () => {
  it('reports degraded, not a crash, when the database is gone', async () => {
    const t = await createTestApp('sqlite');
    try {
      const adminToken = await t.loginAdmin();
      const healthy = await t.request('GET', '/api/v1/health/status', { token: adminToken });
      expect(healthy.body.data.status).toBe('ok');
      await t.app.store.close();
      const me = await t.request('GET', '/api/v1/auth/me', { token: adminToken });
      expect(me.status).toBe(500);
      expect(me.body).toEqual({ status: 'error', message: 'Internal server error', code: 'SERVER_ERROR' });
      expect(t.logs()).toContain('request failed');
      expect((await t.request('GET', '/api/v1/health')).status).toBe(200);
    } finally {
      await t.close().catch(() => {});
    }
  });
});
