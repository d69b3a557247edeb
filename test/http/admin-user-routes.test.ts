import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(backends)('admin users routes on %s', (backend) => {
  let t: TestApp;
  let adminToken: string;
  let user: { id: string; accessToken: string };
  beforeAll(async () => {
    t = await createTestApp(backend);
    adminToken = await t.loginAdmin();
    user = await t.signUp('regular');
    for (const name of ['user01', 'user02', 'user03']) await t.signUp(name);
  });
  afterAll(() => t.close());

  it('forbids non-admins on every admin route', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/admin/users'],
      ['GET', `/api/v1/admin/users/${user.id}`],
      ['PUT', `/api/v1/admin/users/${user.id}`],
      ['DELETE', `/api/v1/admin/users/${user.id}`],
      ['GET', '/api/v1/admin/outbox'],
    ] as const) {
      const response = await t.request(method, url, { token: user.accessToken, ...(method === 'PUT' && { body: { role: 'admin' } }) });
      expect(response.status, `${method} ${url}`).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
      expect((await t.request(method, url)).status).toBe(401);
    }
    const me = await t.request('GET', '/api/v1/auth/me', { token: user.accessToken });
    expect(me.body.data.user.role).toBe('user');
  });

  it('lists users with pagination and search', async () => {
    const first = await t.request('GET', '/api/v1/admin/users?page=1&limit=2', { token: adminToken });
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(2);
    expect(first.body.pagination).toEqual({ total: 5, pages: 3, page: 1, limit: 2 });
    const last = await t.request('GET', '/api/v1/admin/users?page=3&limit=2', { token: adminToken });
    expect(last.body.data).toHaveLength(1);
    const searched = await t.request('GET', '/api/v1/admin/users?search=user0', { token: adminToken });
    expect(searched.body.pagination.total).toBe(3);
    expect(first.text).not.toMatch(/passwordHash|argon2/);
    const invalid = await t.request('GET', '/api/v1/admin/users?limit=1000', { token: adminToken });
    expect(invalid.status).toBe(400);
    const unknownParameter = await t.request('GET', '/api/v1/admin/users?sort=email', { token: adminToken });
    expect(unknownParameter.status).toBe(400);
  });

  it('gets a user, and 404 for an unknown id', async () => {
    const found = await t.request('GET', `/api/v1/admin/users/${user.id}`, { token: adminToken });
    expect(found.status).toBe(200);
    expect(found.body.data.user).toMatchObject({ id: user.id, username: 'regular' });
    const missing = await t.request('GET', '/api/v1/admin/users/00000000-0000-0000-0000-000000000000', { token: adminToken });
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('promotes a user, and disabling ends their sessions and logins', async () => {
    const target = await t.signUp('target');
    const promoted = await t.request('PUT', `/api/v1/admin/users/${target.id}`, { token: adminToken, body: { role: 'admin' } });
    expect(promoted.status).toBe(200);
    expect(promoted.body.data.user.role).toBe('admin');
    expect((await t.request('GET', '/api/v1/admin/users', { token: target.accessToken })).status).toBe(200);

    const disabled = await t.request('PUT', `/api/v1/admin/users/${target.id}`, { token: adminToken, body: { status: 'disabled' } });
    expect(disabled.body.data.user.status).toBe('disabled');
    expect((await t.request('GET', '/api/v1/auth/me', { token: target.accessToken })).status).toBe(401);
    const login = await t.request('POST', '/api/v1/auth/login', { body: { username: 'target', password: 'target-password' } });
    expect(login.status).toBe(401);
  });

  it('rejects unknown fields and values', async () => {
    for (const body of [{ role: 'owner' }, { passwordHash: 'x' }, { id: 'other' }, { status: 'active', createdAt: '2020-01-01T00:00:00Z' }]) {
      const response = await t.request('PUT', `/api/v1/admin/users/${user.id}`, { token: adminToken, body });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_ERROR');
    }
  });

  it('never removes the last active admin', async () => {
    const admins = await t.request('GET', '/api/v1/admin/users?search=root', { token: adminToken });
    const rootId = admins.body.data[0].id;
    const demote = await t.request('PUT', `/api/v1/admin/users/${rootId}`, { token: adminToken, body: { role: 'user' } });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('CONFLICT');
    const remove = await t.request('DELETE', `/api/v1/admin/users/${rootId}`, { token: adminToken });
    expect(remove.status).toBe(409);
    expect((await t.request('GET', '/api/v1/auth/me', { token: adminToken })).body.data.user.role).toBe('admin');
  });

  it('deletes a user with everything they own', async () => {
    const doomed = await t.signUp('doomed');
    const key = (await t.request('POST', '/api/v1/auth/api-key', { token: doomed.accessToken, body: { name: 'k' } })).body.data.key;
    const removed = await t.request('DELETE', `/api/v1/admin/users/${doomed.id}`, { token: adminToken });
    expect(removed.status).toBe(200);
    expect((await t.request('GET', `/api/v1/admin/users/${doomed.id}`, { token: adminToken })).status).toBe(404);
    expect((await t.request('GET', '/api/v1/auth/me', { token: doomed.accessToken })).status).toBe(401);
    expect((await t.request('GET', '/api/v1/auth/me', { apiKey: key })).status).toBe(401);
    expect(await t.app.store.apiKeys.listForUser(doomed.id)).toEqual([]);
    expect((await t.request('DELETE', `/api/v1/admin/users/${doomed.id}`, { token: adminToken })).status).toBe(404);
  });
});
