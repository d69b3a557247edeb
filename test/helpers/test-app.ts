import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import { ensureInitialAdmin } from '../../src/core/accounts/initial-admin.js';
import { buildApp } from '../../src/http/app.js';
import { createTestDatabase, type Backend } from './test-database.js';

export const adminCredentials = { username: 'root', email: 'root@example.test', password: 'admin-password-1' };

export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: any;
  text: string;
}

export interface RequestOptions {
  token?: string | undefined;
  apiKey?: string | undefined;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  /** Everything the app logged, as text, to check that secrets never reach the log. */
  logs: () => string;
  request(method: string, url: string, options?: RequestOptions): Promise<ApiResponse>;
  signUp(username: string, password?: string): Promise<{ id: string; accessToken: string; refreshToken: string }>;
  loginAdmin(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Builds the real app on a fresh data directory and database for one test file. Rate limits
 * are generous unless a test sets them, so only the rate-limit suite meets them.
 */
export async function createTestApp(backend: Backend, environment: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'docent-test-'));
  const database = await createTestDatabase(backend);
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    RATE_LIMIT_AUTH: '10000',
    RATE_LIMIT_MANAGEMENT: '10000',
    RATE_LIMIT_CONVERSATION: '10000',
    RATE_LIMIT_WIDGET_KEY: '10000',
    ...(database.databaseUrl && { DATABASE_URL: database.databaseUrl }),
    ...environment,
  });
  let logText = '';
  const logStream = new Writable({
    write(chunk, _encoding, callback) {
      logText += chunk.toString();
      callback();
    },
  });
  const app = await buildApp(config, { logStream });
  await ensureInitialAdmin(app.store, app.services.accounts, adminCredentials);
  await app.ready();

  const request: TestApp['request'] = async (method, url, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.apiKey) headers['x-api-key'] = options.apiKey;
    const response = await app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(options.body !== undefined && { payload: options.body as object }),
    });
    let body: unknown;
    try {
      body = response.json();
    } catch {
      body = undefined;
    }
    return { status: response.statusCode, headers: response.headers, body, text: response.body };
  };

  const login = async (username: string, password: string) => {
    const response = await request('POST', '/api/v1/auth/login', { body: { username, password } });
    if (response.status !== 200) throw new Error(`login failed: ${response.text}`);
    return response.body.data as { accessToken: string; refreshToken: string; user: { id: string } };
  };

  return {
    app,
    config,
    logs: () => logText,
    request,
    async signUp(username, password = `${username}-password`) {
      const registered = await request('POST', '/api/v1/auth/register', {
        body: { username, email: `${username}@example.test`, password },
      });
      if (registered.status !== 201) throw new Error(`register failed: ${registered.text}`);
      const tokens = await login(username, password);
      return { id: tokens.user.id, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
    },
    async loginAdmin() {
      return (await login(adminCredentials.username, adminCredentials.password)).accessToken;
    },
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
