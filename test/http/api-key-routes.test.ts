import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(backends)('API keys on %s', (backend) => {
  let t: TestApp;
  let owner: { id: string; accessToken: string };
  beforeAll(async () => {
    t = await createTestApp(backend);
    owner = await t.signUp('keyowner');
  });
  afterAll(() => t.close());

  async function createKey(body: object, token = owner.accessToken) {
    return t.request('POST', '/api/v1/auth/api-key', { token, body });
  }

  it('creates a key, shows the secret once, and lists it masked', async () => {
    const created = await createKey({ name: 'CI' });
    expect(created.status).toBe(201);
    const { key, apiKey } = created.body.data;
    expect(key).toMatch(/^dk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'CI', scopes: ['read', 'write'], revokedAt: null });
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    expect(apiKey.prefix.length).toBeLessThan(12);

    const listed = await t.request('GET', '/api/v1/auth/api-key', { token: owner.accessToken });
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((entry: { id: string }) => entry.id)).toContain(apiKey.id);
    expect(listed.text).not.toContain(key);
    expect(listed.text).not.toContain('keyHash');
    const stored = await t.app.store.apiKeys.listForUser(owner.id);
    expect(stored.every((row) => row.keyHash !== key && !row.keyHash.includes(key))).toBe(true);
  });

  it('accepts the key as X-API-Key and as a Bearer token', async () => {
    const { key } = (await createKey({ name: 'both ways' })).body.data;
    for (const options of [{ apiKey: key }, { token: key }]) {
      const me = await t.request('GET', '/api/v1/auth/me', options);
      expect(me.status).toBe(200);
      expect(me.body.data.user.username).toBe('keyowner');
    }
  });

  it('limits a read-only key to reads', async () => {
    const { key } = (await createKey({ name: 'reader', scopes: ['read'] })).body.data;
    expect((await t.request('GET', '/api/v1/auth/me', { apiKey: key })).status).toBe(200);
    const write = await t.request('POST', '/api/v1/auth/logout', { apiKey: key, body: {} });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ status: 'error', code: 'FORBIDDEN' });
  });

  it('does not let a key mint or list keys (a session is required)', async () => {
    const { key } = (await createKey({ name: 'no minting' })).body.data;
    expect((await createKey({ name: 'child' }, key)).status).toBe(403);
    expect((await t.request('GET', '/api/v1/auth/api-key', { apiKey: key })).status).toBe(403);
  });

  it('revokes a key: it stops working at once', async () => {
    const { key, apiKey } = (await createKey({ name: 'short-lived' })).body.data;
    const revoked = await t.request('DELETE', `/api/v1/auth/api-key/${apiKey.id}`, { token: owner.accessToken });
    expect(revoked.status).toBe(200);
    const use = await t.request('GET', '/api/v1/auth/me', { apiKey: key });
    expect(use.status).toBe(401);
    expect(use.body.code).toBe('UNAUTHORIZED');
    const again = await t.request('DELETE', `/api/v1/auth/api-key/${apiKey.id}`, { token: owner.accessToken });
    expect(again.status).toBe(404);
  });

  it('refuses an expired key', async () => {
    const { key, apiKey } = (await createKey({ name: 'expiring', expiresAt: new Date(Date.now() + 60_000).toISOString() })).body.data;
    expect((await t.request('GET', '/api/v1/auth/me', { apiKey: key })).status).toBe(200);
    expect(apiKey.expiresAt).toBeTruthy();
    const { key: expiredKey } = (await createKey({ name: 'expired', expiresAt: new Date(Date.now() - 1000).toISOString() })).body.data;
    expect((await t.request('GET', '/api/v1/auth/me', { apiKey: expiredKey })).status).toBe(401);
  });

  it("answers 404 for another user's key, which stays usable", async () => {
    const { key, apiKey } = (await createKey({ name: 'mine' })).body.data;
    const stranger = await t.signUp('stranger');
    const attempt = await t.request('DELETE', `/api/v1/auth/api-key/${apiKey.id}`, { token: stranger.accessToken });
    expect(attempt.status).toBe(404);
    expect(attempt.body.code).toBe('NOT_FOUND');
    const strangerList = await t.request('GET', '/api/v1/auth/api-key', { token: stranger.accessToken });
    expect(strangerList.body.data).toEqual([]);
    expect((await t.request('GET', '/api/v1/auth/me', { apiKey: key })).status).toBe(200);
  });

  it('rejects bad input', async () => {
    expect((await createKey({})).status).toBe(400);
    expect((await createKey({ name: 'x', scopes: ['admin'] })).status).toBe(400);
    expect((await createKey({ name: 'x', userId: owner.id })).status).toBe(400);
    expect((await t.request('POST', '/api/v1/auth/api-key', { body: { name: 'anon' } })).status).toBe(401);
  });

  it('keeps keys out of the log', async () => {
    const { key } = (await createKey({ name: 'logged?' })).body.data;
    await t.request('GET', '/api/v1/auth/me', { apiKey: key });
    await t.request('GET', '/api/v1/auth/me', { token: key });
    expect(t.logs()).not.toContain(key);
  });
});
