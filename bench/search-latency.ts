/**
 * Measures the search library on this machine: offline embedding throughput and vector-index
 * latency and recall at 10k and 100k chunks. Text comes from the Markdown files under
 * node_modules, so the vocabulary is real English and code, not a synthetic word list.
 *
 *   npx tsx test/search/benchmark-search.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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
const queries = Array.from({ length: 200 }, () => {
  const chunkWords = chunkTexts[Math.floor(random() * chunkTexts.length)]!.split(' ');
  const start = Math.floor(random() * (chunkWords.length - 12));
  return model.embedText(chunkWords.slice(start, start + 4 + Math.floor(random() * 9)).join(' '));
});

for (const chunkCount of [10_000, 100_000]) {
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
