import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe('native API conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('answers unknown routes with a 404 in the error envelope, with or without credentials', async () => {
    for (const url of ['/api/v1/nothing-here', '/api/v1/chatbots-typo/1']) {
      const response = await t.request('GET', url);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ status: 'error', message: expect.stringContaining('not found'), code: 'NOT_FOUND' });
    }
  });

  it('puts a request id on every response and keeps a safe caller-supplied one', async () => {
    const generated = await t.request('GET', '/api/v1/health');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.request('GET', '/api/v1/health', { headers: { 'x-request-id': 'trace-abc.123' } });
    expect(kept.headers['x-request-id']).toBe('trace-abc.123');
    const replaced = await t.request('GET', '/api/v1/health', { headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(replaced.headers['x-request-id']).not.toContain('bad id');
    const failed = await t.request('GET', '/api/v1/missing');
    expect(failed.headers['x-request-id']).toBeTruthy();
  });

  it('rejects a JSON body of the wrong content type and a non-object body', async () => {
    const text = await t.request('POST', '/api/v1/auth/login', { body: 'username=a', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(400);
    expect(text.body).toMatchObject({ status: 'error', code: 'VALIDATION_ERROR' });
    const array = await t.request('POST', '/api/v1/auth/login', { body: [1, 2] });
    expect(array.status).toBe(400);
    expect(array.body.code).toBe('VALIDATION_ERROR');
  });

  it('publishes an OpenAPI 3 document generated from the route schemas, and a docs UI', async () => {
    const response = await t.request('GET', '/api/v1/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(response.body.paths);
    for (const path of [
      '/api/v1/auth/register',
      '/api/v1/auth/login',
      '/api/v1/auth/refresh-token',
      '/api/v1/auth/logout',
      '/api/v1/auth/password-reset-request',
      '/api/v1/auth/password-reset',
      '/api/v1/auth/me',
      '/api/v1/auth/api-key',
      '/api/v1/admin/users',
      '/api/v1/admin/users/{id}',
      '/api/v1/health',
      '/api/v1/health/status',
      '/api/v1/metrics',
    ]) {
      expect(paths).toContain(path);
    }
    const register = response.body.paths['/api/v1/auth/register'].post;
    expect(register.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['username', 'email', 'password']),
    );
    expect(Object.keys(response.body.paths['/api/v1/auth/me'])).toEqual(expect.arrayContaining(['get', 'put']));
    const docs = await t.request('GET', '/api/v1/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger');
  });
});
