import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { ensureInitialAdmin } from '../../src/core/accounts/initial-admin.js';
import { buildApp } from '../../src/http/app.js';

// Docent as `npm start` runs it (SQLite in a fresh DATA_DIR), with rate limits out of the way.
const config = loadConfig({
  DATA_DIR: mkdtempSync(join(tmpdir(), 'docent-bench-')),
  LOG_LEVEL: 'warn',
  RATE_LIMIT_AUTH: '100000000',
  RATE_LIMIT_MANAGEMENT: '100000000',
  RATE_LIMIT_CONVERSATION: '100000000',
  ...(process.env.DATABASE_URL && { DATABASE_URL: process.env.DATABASE_URL }),
});
const app = await buildApp(config);
await ensureInitialAdmin(app.store, app.services.accounts, { username: 'bench', email: 'bench@example.test', password: 'bench-password' });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : ''}\n`);
