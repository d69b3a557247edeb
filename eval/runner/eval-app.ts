import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { ensureInitialAdmin } from '../../src/core/accounts/initial-admin.js';
import { buildApp } from '../../src/http/app.js';
import { ApiClient } from './api-client.js';

export interface EvalApp {
  api: ApiClient;
  close(): Promise<void>;
}

/** Limits high enough that hundreds of searches in a row never meet them. */
const generousRateLimits = {
  RATE_LIMIT_AUTH: '100000',
  RATE_LIMIT_MANAGEMENT: '100000',
  RATE_LIMIT_CONVERSATION: '100000',
  RATE_LIMIT_SEARCH: '100000',
};

/**
 * Builds the real app in-process, as the server would, on a throwaway data directory with the
 * default SQLite database, the in-process job queue and the offline embedder and responder.
 * Requests go through `app.inject`: the full HTTP stack without a socket.
 */
export async function startEvalApp(): Promise<EvalApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'docent-eval-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error', ...generousRateLimits });
  const app = await buildApp(config);
  try {
    await ensureInitialAdmin(app.store, app.services.accounts, {
      username: 'eval-admin',
      email: 'eval-admin@example.test',
      password: 'eval-admin-password',
    });
    await app.ready();
  } catch (error) {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    api: new ApiClient(app),
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
