import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessTokens } from '../../src/core/accounts/access-tokens.js';
import { backends } from '../helpers/test-database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe.each(backends)('authentication routes on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  describe('POST /auth/register', () => {
    it('creates a user and never returns the password or its hash', async () => {
      const response = await t.request('POST', '/api/v1/auth/register', {
        body: { username: 'Alice', email: 'Alice@Example.test', password: 'correct horse', firstName: 'Alice' },
      });
      expect(response.status).toBe(201);
      expect(response.body.status).toBe('success');
      expect(response.body.data.user).toMatchObject({
        username: 'alice',
        email: 'alice@example.test',
        firstName: 'Alice',
        lastName: null,
        role: 'user',
        status: 'active',
      });
      expect(response.text).not.toMatch(/password|argon2/i);
      expect(response.headers['x-request-id']).toBeTruthy();
    });

    it('answers 409 CONFLICT for a taken username or email', async () => {
      const sameName = await t.request('POST', '/api/v1/auth/register', {
        body: { username: 'alice', email: 'other@example.test', password: 'password123' },
      });
      expect(sameName.status).toBe(409);
      expect(sameName.body).toEqual({ status: 'error', message: expect.any(String), code: 'CONFLICT' });
      const sameEmail = await t.request('POST', '/api/v1/auth/register', {
        body: { username: 'alice2', email: 'ALICE@example.test', password: 'password123' },
      });
      expect(sameEmail.status).toBe(409);
    });

    it.each([
      ['an unknown field (role escalation)', { username: 'mallory', email: 'm@example.test', password: 'password123', role: 'admin' }, 'role'],
      ['a missing field', { username: 'bob', password: 'password123' }, 'email'],
      ['a wrong type', { username: 'bob', email: 'b@example.test', password: 12345678 }, 'password'],
      ['a short password', { username: 'bob', email: 'b@example.test', password: 'short' }, 'password'],
      ['an invalid email', { username: 'bob', email: 'not-an-email', password: 'password123' }, 'email'],
      ['a bad username', { username: 'b o b', email: 'b@example.test', password: 'password123' }, 'username'],
    ])('rejects %s with 400 VALIDATION_ERROR naming the field', async (_case, body, field) => {
      const response = await t.request('POST', '/api/v1/auth/register', { body });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_ERROR');
      expect(response.body.message).toContain(field);
      const users = await t.app.store.users.list({ page: 1, limit: 100 });
      expect(users.items.map((user) => user.username)).not.toContain('mallory');
    });

    it('answers 400 for malformed JSON and 413 for an oversized body', async () => {
      const malformed = await t.request('POST', '/api/v1/auth/register', {
        body: '{"username": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toMatchObject({ status: 'error', code: 'VALIDATION_ERROR' });
      const huge = await t.request('POST', '/api/v1/auth/register', {
        body: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024) }),
        headers: { 'content-type': 'application/json' },
      });
      expect(huge.status).toBe(413);
      expect(huge.body.status).toBe('error');
    });
  });

  describe('POST /auth/login', () => {
    it('logs in by username or email and returns a token pair with expiry', async () => {
      for (const login of [{ username: 'alice' }, { email: 'alice@example.test' }, { username: 'ALICE@example.test' }]) {
        const response = await t.request('POST', '/api/v1/auth/login', { body: { ...login, password: 'correct horse' } });
        expect(response.status).toBe(200);
        expect(response.body.data).toMatchObject({
          accessToken: expect.any(String),
          refreshToken: expect.any(String),
          tokenType: 'Bearer',
          expiresIn: 900,
          user: { username: 'alice' },
        });
        expect(Date.parse(response.body.data.expiresAt)).toBeGreaterThan(Date.now());
      }
    });

    it('gives the same 401 body for an unknown user and a wrong password', async () => {
      const wrongPassword = await t.request('POST', '/api/v1/auth/login', { body: { username: 'alice', password: 'nope-nope' } });
      const unknownUser = await t.request('POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'nope-nope' } });
      expect(wrongPassword.status).toBe(401);
      expect(unknownUser.status).toBe(401);
      expect(unknownUser.body).toEqual(wrongPassword.body);
      expect(wrongPassword.body.code).toBe('UNAUTHORIZED');
    });

    it('needs a username or email', async () => {
      const response = await t.request('POST', '/api/v1/auth/login', { body: { password: 'whatever' } });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_ERROR');
    });
  });

  describe('access tokens', () => {
    it('GET /auth/me returns the caller and 401 without credentials', async () => {
      const { accessToken } = await t.signUp('carol');
      const me = await t.request('GET', '/api/v1/auth/me', { token: accessToken });
      expect(me.status).toBe(200);
      expect(me.body.data.user.username).toBe('carol');
      const anonymous = await t.request('GET', '/api/v1/auth/me');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toMatchObject({ status: 'error', code: 'UNAUTHORIZED' });
    });

    it('refuses tampered, alg:none, foreign-key and expired tokens', async () => {
      const { accessToken, id } = await t.signUp('dave');
      const [header, payload, signature] = accessToken.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
      const forged = Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url');
      const tampered = `${header}.${forged}.${signature}`;
      const unsigned = new UnsecuredJWT({ sid: claims.sid }).setSubject(id).setIssuer('docent').setAudience('docent-api').setExpirationTime('1h').encode();
      const otherKey = await new SignJWT({ sid: claims.sid })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .setSubject(id)
        .setIssuer('docent')
        .setAudience('docent-api')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('a-different-secret-key-of-enough-length'));
      const expired = (await new AccessTokens(t.config.secretKey, -60).issue({ userId: id, sessionId: claims.sid })).token;
      for (const token of [tampered, unsigned, otherKey, expired, 'garbage.token.value']) {
        const response = await t.request('GET', '/api/v1/auth/me', { token });
        expect(response.status, token).toBe(401);
        expect(response.body.code).toBe('UNAUTHORIZED');
      }
      const expiredResponse = await t.request('GET', '/api/v1/auth/me', { token: expired });
      expect(expiredResponse.body.message).toMatch(/expired/i);
    });

    it('refuses a malformed Authorization header', async () => {
      const response = await t.request('GET', '/api/v1/auth/me', { headers: { authorization: 'Basic abc' } });
      expect(response.status).toBe(401);
    });
  });

  describe('POST /auth/refresh-token', () => {
    it('rotates: the new pair works, the old refresh token does not', async () => {
      const { refreshToken } = await t.signUp('erin');
      const first = await t.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken } });
      expect(first.status).toBe(200);
      expect(first.body.data.refreshToken).not.toBe(refreshToken);
      const me = await t.request('GET', '/api/v1/auth/me', { token: first.body.data.accessToken });
      expect(me.status).toBe(200);
      const second = await t.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: first.body.data.refreshToken } });
      expect(second.status).toBe(200);
    });

    it('revokes the whole family when a used refresh token comes back', async () => {
      const { refreshToken } = await t.signUp('frank');
      const rotated = await t.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken } });
      expect(rotated.status).toBe(200);
      const replay = await t.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken } });
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('UNAUTHORIZED');
      // The legitimate holder's newer tokens are dead too: the session is revoked.
      const descendant = await t.request('POST', '/api/v1/auth/refresh-token', {
        body: { refreshToken: rotated.body.data.refreshToken },
      });
      expect(descendant.status).toBe(401);
      const me = await t.request('GET', '/api/v1/auth/me', { token: rotated.body.data.accessToken });
      expect(me.status).toBe(401);
    });

    it('refuses an unknown refresh token', async () => {
      const response = await t.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken: 'not-a-token' } });
      expect(response.status).toBe(401);
    });
  });

  describe('POST /auth/logout', () => {
    it('ends the session: access and refresh tokens stop working', async () => {
      const { accessToken, refreshToken } = await t.signUp('grace');
      const logout = await t.request('POST', '/api/v1/auth/logout', { token: accessToken, body: { refreshToken } });
      expect(logout.status).toBe(200);
      expect(logout.body).toMatchObject({ status: 'success', message: 'Logged out' });
      expect((await t.request('GET', '/api/v1/auth/me', { token: accessToken })).status).toBe(401);
      expect((await t.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken } })).status).toBe(401);
    });

    it('needs authentication', async () => {
      expect((await t.request('POST', '/api/v1/auth/logout', { body: {} })).status).toBe(401);
    });
  });

  describe('PUT /auth/me', () => {
    it('updates the profile', async () => {
      const { accessToken } = await t.signUp('heidi');
      const response = await t.request('PUT', '/api/v1/auth/me', {
        token: accessToken,
        body: { firstName: 'Heidi', lastName: 'Klum', email: 'heidi2@example.test' },
      });
      expect(response.status).toBe(200);
      expect(response.body.data.user).toMatchObject({ firstName: 'Heidi', lastName: 'Klum', email: 'heidi2@example.test' });
    });

    it('changes the password only with the current one, and ends other sessions', async () => {
      const { accessToken } = await t.signUp('ivan');
      const other = await t.request('POST', '/api/v1/auth/login', { body: { username: 'ivan', password: 'ivan-password' } });
      const withoutCurrent = await t.request('PUT', '/api/v1/auth/me', { token: accessToken, body: { newPassword: 'brand-new-pass' } });
      expect(withoutCurrent.status).toBe(400);
      const changed = await t.request('PUT', '/api/v1/auth/me', {
        token: accessToken,
        body: { currentPassword: 'ivan-password', newPassword: 'brand-new-pass' },
      });
      expect(changed.status).toBe(200);
      expect((await t.request('GET', '/api/v1/auth/me', { token: accessToken })).status).toBe(200);
      expect((await t.request('GET', '/api/v1/auth/me', { token: other.body.data.accessToken })).status).toBe(401);
      const relogin = await t.request('POST', '/api/v1/auth/login', { body: { username: 'ivan', password: 'brand-new-pass' } });
      expect(relogin.status).toBe(200);
    });

    it('refuses role changes and duplicate emails', async () => {
      const { accessToken } = await t.signUp('judy');
      const escalate = await t.request('PUT', '/api/v1/auth/me', { token: accessToken, body: { role: 'admin' } });
      expect(escalate.status).toBe(400);
      const duplicate = await t.request('PUT', '/api/v1/auth/me', { token: accessToken, body: { email: 'alice@example.test' } });
      expect(duplicate.status).toBe(409);
      const me = await t.request('GET', '/api/v1/auth/me', { token: accessToken });
      expect(me.body.data.user).toMatchObject({ role: 'user', email: 'judy@example.test' });
    });
  });

  it('never writes passwords, hashes or tokens to the log', async () => {
    const { accessToken, refreshToken } = await t.signUp('kim', 'kims-secret-password');
    await t.request('GET', '/api/v1/auth/me', { token: accessToken });
    await t.request('POST', '/api/v1/auth/refresh-token', { body: { refreshToken } });
    const logs = t.logs();
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain('kims-secret-password');
    expect(logs).not.toContain(accessToken);
    expect(logs).not.toContain(refreshToken);
    expect(logs).not.toContain('$argon2');
  });
});
