import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { ensureInitialAdmin } from '../../src/core/accounts/initial-admin.js';
import { buildApp } from '../../src/http/app.js';

// Docent as `npm start` runs it (SQLite in a fresh DATA_DIR), allowed to reach the bench's
// loopback upstream, with a user, a provider key and two chatbots (upstream and offline) set up.
// What the bench needs is written to SETUP_FILE before READY.
const upstreamUrl = process.env.UPSTREAM_URL ?? '';
const config = loadConfig({
  DATA_DIR: mkdtempSync(join(tmpdir(), 'docent-bench-')),
  LOG_LEVEL: 'warn',
  RATE_LIMIT_AUTH: '100000000',
  RATE_LIMIT_MANAGEMENT: '100000000',
  RATE_LIMIT_CONVERSATION: '100000000',
  ALLOWED_PRIVATE_HOSTS: new URL(upstreamUrl).host,
  ...(process.env.DATABASE_URL && { DATABASE_URL: process.env.DATABASE_URL }),
});
const app = await buildApp(config);
await ensureInitialAdmin(app.store, app.services.accounts, { username: 'bench', email: 'bench@example.test', password: 'bench-password' });

const call = async (url: string, body: object, token?: string) => {
  const response = await app.inject({ method: 'POST', url, payload: body, headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (response.statusCode >= 300) throw new Error(`${url}: ${response.body}`);
  return response.json().data;
};
const { accessToken: token } = await call('/api/v1/auth/login', { username: 'bench', password: 'bench-password' });
const { llmProvider } = await call('/api/v1/llm-providers', { name: 'Bench upstream', type: 'openai-compatible', apiEndpoint: upstreamUrl }, token);
await call('/api/v1/llm-configs', { providerId: llmProvider.id, apiKey: 'sk-bench-upstream' }, token);
const remote = await call('/api/v1/chatbots', { name: 'Remote', model: { providerId: llmProvider.id, name: 'llama3.1' } }, token);
const offline = await call(
  '/api/v1/chatbots',
  { name: 'Offline', examples: [{ question: 'What are your opening hours?', answer: 'Nine to five on weekdays.' }] },
  token,
);
writeFileSync(process.env.SETUP_FILE ?? '', JSON.stringify({ token, remoteChatbotId: remote.chatbot.id, offlineChatbotId: offline.chatbot.id }));

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : ''}\n`);
