/**
 * Measures the search library on this machine, no database: offline embedding throughput, then
 * at each size (BENCH_SIZES, default 10k, 100k and 1M chunks) the in-process vector index
 * (latency, recall@10 against brute force) and the in-process BM25 index (latency, build speed,
 * memory), with SQLite FTS5's bm25() over the same chunks in the same run as the baseline the
 * BM25 index replaced (up to 100k chunks; BENCH_FTS_MAX). Text comes from the Markdown files
 * under node_modules, so the vocabulary is real English and code, not a synthetic word list;
 * sizes beyond the distinct 120-word chunks reuse them under new ids.
 *
 *   npm run bench:search
 *   BENCH_SIZES=10000,100000 npm run bench:search
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Bm25Index } from '../src/search/bm25-index.js';
import { bm25Document, bm25QueryTerms, type Bm25Document } from '../src/search/bm25-terms.js';
import { toFts5MatchQuery } from '../src/search/bm25-query.js';
import { OfflineEmbeddingModel, offlineEmbeddingDimensions } from '../src/search/offline-embedding-model.js';
import { VectorIndex } from '../src/search/vector-index.js';

function markdownFiles(directory: string, found: string[] = []): string[] {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    const stats = statSync(path, { throwIfNoEntry: false });
    if (stats?.isDirectory()) markdownFiles(path, found);
    else if (stats?.isFile() && name.endsWith('.md')) found.push(path);
  }
  return found;
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

const text = markdownFiles('node_modules').map((path) => readFileSync(path, 'utf8')).join('\n');
const words = text.split(/\s+/).filter(Boolean);
const chunkTexts: string[] = [];
for (let start = 0; start + 120 <= words.length; start += 120) chunkTexts.push(words.slice(start, start + 120).join(' '));

const model = new OfflineEmbeddingModel();
const embeddingStart = performance.now();
const chunkVectors = chunkTexts.map((chunk) => model.embedText(chunk));
const embeddingSeconds = (performance.now() - embeddingStart) / 1000;
const embeddedBytes = chunkTexts.reduce((sum, chunk) => sum + Buffer.byteLength(chunk), 0);
console.log(`embedding: ${(embeddedBytes / 1e6).toFixed(1)} MB in ${embeddingSeconds.toFixed(2)} s = ${(embeddedBytes / 1e6 / embeddingSeconds).toFixed(1)} MB/s (${chunkTexts.length} chunks, cold word cache)`);

let seed = 42;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const questions = Array.from({ length: 200 }, () => {
  const chunkWords = chunkTexts[Math.floor(random() * chunkTexts.length)]!.split(' ');
  const start = Math.floor(random() * (chunkWords.length - 12));
  return chunkWords.slice(start, start + 4 + Math.floor(random() * 9)).join(' ');
});
const queries = questions.map((question) => model.embedText(question));
const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const ftsMaximum = Number(process.env.BENCH_FTS_MAX ?? 100_000);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

const tokenizeStart = performance.now();
const chunkDocuments: Bm25Document[] = chunkTexts.map((chunk) => bm25Document(chunk));
const tokenizeSeconds = (performance.now() - tokenizeStart) / 1000;
console.log(`BM25 tokenizing: ${(embeddedBytes / 1e6 / tokenizeSeconds).toFixed(1)} MB/s`);

for (const chunkCount of sizes) {
  benchmarkBm25(chunkCount);
  benchmarkVectors(chunkCount);
}

function benchmarkBm25(chunkCount: number): void {
  const before = process.memoryUsage();
  const buildStart = performance.now();
  const index = new Bm25Index();
  for (let row = 0; row < chunkCount; row++) index.add(row, chunkDocuments[row % chunkDocuments.length]!);
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const after = process.memoryUsage();
  const latencies = questions.map((question) => {
    const started = performance.now();
    index.search(bm25QueryTerms(question), 20);
    return performance.now() - started;
  });
  latencies.sort((left, right) => left - right);
  let line = `BM25 index at ${chunkCount}: p50 ${percentile(latencies, 0.5).toFixed(2)} ms, p95 ${percentile(latencies, 0.95).toFixed(2)} ms; built in ${buildSeconds.toFixed(2)} s from tokenized chunks; +${mib(after.arrayBuffers - before.arrayBuffers)} MiB typed arrays, +${mib(after.heapUsed - before.heapUsed)} MiB heap`;
  if (chunkCount <= ftsMaximum) {
    const fts = fts5Baseline(chunkCount);
    line += `; SQLite FTS5 bm25() baseline p50 ${fts.p50.toFixed(2)} ms, p95 ${fts.p95.toFixed(2)} ms (index ${(fts.p95 / percentile(latencies, 0.95)).toFixed(0)}× faster at p95)`;
  }
  console.log(line);
}

/** The previous sparse path: an OR query ranked by FTS5's bm25(), on an in-memory database. */
function fts5Baseline(chunkCount: number): { p50: number; p95: number } {
  const db = new Database(':memory:');
  db.exec(`create virtual table chunks using fts5(text, tokenize='porter unicode61')`);
  const insert = db.prepare('insert into chunks(rowid, text) values (?, ?)');
  db.transaction(() => {
    for (let row = 0; row < chunkCount; row++) insert.run(row + 1, chunkTexts[row % chunkTexts.length]!);
  })();
  const search = db.prepare('select rowid, bm25(chunks) as score from chunks where chunks match ? order by bm25(chunks), rowid limit 20');
  const latencies = questions.slice(0, 50).flatMap((question) => {
    const match = toFts5MatchQuery(question);
    if (match === undefined) return [];
    const started = performance.now();
    search.all(match);
    return [performance.now() - started];
  });
  db.close();
  latencies.sort((left, right) => left - right);
  return { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) };
}

function benchmarkVectors(chunkCount: number): void {
  const index = new VectorIndex({ dimensions: offlineEmbeddingDimensions });
  for (let row = 0; row < chunkCount; row++) index.upsert(`chunk-${row}`, row % 10 === 0 ? 'other-tenant' : 'tenant', chunkVectors[row % chunkVectors.length]!);
  const latencies: number[] = [];
  let recalled = 0;
  let expected = 0;
  for (const [queryNumber, query] of queries.entries()) {
    const started = performance.now();
    const hits = index.search({ vector: query, knowledgeBaseIds: ['tenant', 'other-tenant'], limit: 10 });
    latencies.push(performance.now() - started);
    if (queryNumber % 20 === 0) {
      const exact = bruteForce(chunkVectors, chunkCount, query, 10);
      expected += exact.length;
      const found = new Set(hits.map((hit) => hit.chunkId));
      recalled += exact.filter((id) => found.has(id)).length;
    }
  }
  latencies.sort((left, right) => left - right);
  console.log(`vector search at ${chunkCount}: p50 ${percentile(latencies, 0.5).toFixed(2)} ms, p95 ${percentile(latencies, 0.95).toFixed(2)} ms, recall@10 vs brute force ${(recalled / expected).toFixed(3)}`);
}

function bruteForce(vectors: Float32Array[], count: number, query: Float32Array, limit: number): string[] {
  const scored: { id: string; score: number }[] = [];
  for (let row = 0; row < count; row++) {
    const vector = vectors[row % vectors.length]!;
    let score = 0;
    for (let dimension = 0; dimension < vector.length; dimension++) score += vector[dimension]! * query[dimension]!;
    scored.push({ id: `chunk-${row}`, score });
  }
  const norm = Math.hypot(...query) || 1;
  scored.sort((left, right) => right.score - left.score || (left.id < right.id ? -1 : 1));
  return scored.slice(0, limit).filter((entry) => entry.score / norm > 0).map((entry) => entry.id);
}
