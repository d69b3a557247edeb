/**
 * Requests per second of GET /api/v1/health and an authenticated GET /api/v1/auth/me, against a
 * bare Fastify server measured in the same run: the ratio is what to compare across machines.
 */
import { load, machine, startServer } from './harness.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);

const bare = await startServer('bench/servers/bare-fastify.ts');
const baseline = await load(bare.url, { seconds, connections });
bare.stop();

const docent = await startServer('bench/servers/docent-server.ts');
const login = await fetch(`${docent.url}/api/v1/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench', password: 'bench-password' }),
});
const token = ((await login.json()) as { data: { accessToken: string } }).data.accessToken;
const health = await load(`${docent.url}/api/v1/health`, { seconds, connections });
const me = await load(`${docent.url}/api/v1/auth/me`, { seconds, connections, headers: { authorization: `Bearer ${token}` } });
docent.stop();

const row = (name: string, result: typeof baseline) =>
  `| ${name} | ${result.requestsPerSecond} | ${(result.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)} | ${result.p50Ms} | ${result.p99Ms} | ${result.errors + result.non2xx} |`;

process.stdout.write(
  [
    `HTTP throughput — ${new Date().toISOString().slice(0, 10)} — ${machine()} — ${connections} connections, ${seconds} s each`,
    '',
    '| endpoint | requests/s | ratio to bare Fastify | p50 ms | p99 ms | errors |',
    '|---|---|---|---|---|---|',
    row('bare Fastify (baseline)', baseline),
    row('GET /api/v1/health', health),
    row('GET /api/v1/auth/me (JWT)', me),
    '',
  ].join('\n'),
);
