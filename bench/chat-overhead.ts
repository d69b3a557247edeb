/**
 * Platform overhead on a streamed chat turn: time to first token and full-turn latency through
 * Docent (SSE) minus the same straight to the upstream, an OpenAI-compatible server on loopback
 * that answers at once, each in its own process. Also the offline responder's answer latency.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, startServer } from './harness.js';

const concurrencies = (process.env.BENCH_CONCURRENCY ?? '1,10,100').split(',').map(Number);
const streamsPerLevel = Number(process.env.BENCH_STREAMS ?? 400);

interface Sample {
  firstTokenMs: number;
  totalMs: number;
}

/** Posts and reads the streamed body, noting when the first text arrives and when it ends. */
async function timeStream(url: string, init: RequestInit, isText: (chunk: string) => boolean, isDone: (body: string) => boolean): Promise<Sample> {
  const started = performance.now();
  const response = await fetch(url, init);
  if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
  let firstTokenMs: number | undefined;
  let body = '';
  const decoder = new TextDecoder();
  for await (const chunk of response.body) {
    const text = decoder.decode(chunk, { stream: true });
    body += text;
    if (firstTokenMs === undefined && isText(body)) firstTokenMs = performance.now() - started;
  }
  if (firstTokenMs === undefined || !isDone(body)) throw new Error('stream ended without an answer');
  return { firstTokenMs, totalMs: performance.now() - started };
}

async function run(concurrency: number, total: number, once: () => Promise<Sample>): Promise<{ samples: Sample[]; errors: number }> {
  const samples: Sample[] = [];
  let errors = 0;
  let started = 0;
  const worker = async () => {
    while (started < total) {
      started++;
      try {
        samples.push(await once());
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { samples, errors };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

const upstream = await startServer('bench/servers/openai-upstream.ts');
const setupFile = join(mkdtempSync(join(tmpdir(), 'docent-bench-setup-')), 'setup.json');
const docent = await startServer('bench/servers/docent-chat-server.ts', { UPSTREAM_URL: `${upstream.url}/v1`, SETUP_FILE: setupFile });
const setup = JSON.parse(readFileSync(setupFile, 'utf8')) as { token: string; remoteChatbotId: string; offlineChatbotId: string };

const direct = () =>
  timeStream(
    `${upstream.url}/v1/chat/completions`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench-upstream' },
      body: JSON.stringify({ model: 'llama3.1', stream: true, messages: [{ role: 'user', content: 'When are you open?' }] }),
    },
    (body) => /"content":"[^"]/.test(body),
    (body) => body.includes('[DONE]'),
  );
const throughDocent = () =>
  timeStream(
    `${docent.url}/api/v1/chatbots/${setup.remoteChatbotId}/conversation`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${setup.token}` },
      body: JSON.stringify({ message: 'When are you open?', stream: 'sse' }),
    },
    (body) => body.includes('event: text-delta'),
    (body) => body.includes('event: finish'),
  );
const offlineAnswer = async (): Promise<Sample> => {
  const started = performance.now();
  const response = await fetch(`${docent.url}/api/v1/chatbots/${setup.offlineChatbotId}/conversation`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${setup.token}` },
    body: JSON.stringify({ message: 'What are your opening hours?' }),
  });
  await response.text();
  if (!response.ok) throw new Error(`status ${response.status}`);
  const totalMs = performance.now() - started;
  return { firstTokenMs: totalMs, totalMs };
};

// Warm both paths (JIT, connection pools, the tokenizer) before measuring.
await run(10, 100, direct);
await run(10, 100, throughDocent);

const format = (value: number) => value.toFixed(1);
const rows: string[] = [];
for (const concurrency of concurrencies) {
  const total = Math.max(streamsPerLevel, concurrency * 3);
  const baseline = await run(concurrency, total, direct);
  const measured = await run(concurrency, total, throughDocent);
  const p = (samples: Sample[], key: keyof Sample, fraction: number) => percentile(samples.map((sample) => sample[key]), fraction);
  rows.push(
    `| ${concurrency} | ${total} | ${format(p(baseline.samples, 'firstTokenMs', 0.5))} / ${format(p(baseline.samples, 'firstTokenMs', 0.99))} | ` +
      `${format(p(measured.samples, 'firstTokenMs', 0.5))} / ${format(p(measured.samples, 'firstTokenMs', 0.99))} | ` +
      `**${format(p(measured.samples, 'firstTokenMs', 0.5) - p(baseline.samples, 'firstTokenMs', 0.5))} / ` +
      `${format(p(measured.samples, 'firstTokenMs', 0.99) - p(baseline.samples, 'firstTokenMs', 0.99))}** | ` +
      `${format(p(baseline.samples, 'totalMs', 0.5))} / ${format(p(baseline.samples, 'totalMs', 0.99))} | ` +
      `${format(p(measured.samples, 'totalMs', 0.5))} / ${format(p(measured.samples, 'totalMs', 0.99))} | ${baseline.errors + measured.errors} |`,
  );
}
const offlineRows: string[] = [];
for (const concurrency of [1, 10]) {
  const result = await run(concurrency, 200, offlineAnswer);
  const totals = result.samples.map((sample) => sample.totalMs);
  offlineRows.push(`| ${concurrency} | 200 | ${format(percentile(totals, 0.5))} | ${format(percentile(totals, 0.99))} | ${result.errors} |`);
}
docent.stop();
upstream.stop();

process.stdout.write(
  [
    `Chat overhead — ${new Date().toISOString().slice(0, 10)} — ${machine()} — SQLite, loopback upstream answering at once`,
    '',
    '| concurrent streams | streams | direct TTFT p50 / p99 ms | Docent TTFT p50 / p99 ms | overhead p50 / p99 ms | direct full turn p50 / p99 ms | Docent full turn p50 / p99 ms | errors |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Offline responder, JSON answer through Docent (question matching an example):',
    '',
    '| concurrent requests | requests | p50 ms | p99 ms | errors |',
    '|---|---|---|---|---|',
    ...offlineRows,
    '',
  ].join('\n'),
);
