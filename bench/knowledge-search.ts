/**
 * Knowledge search latency through the real app in process, database included:
 * `app.services.knowledge.retriever.search(ownerId, knowledgeBaseId, question, { method })` for
 * sparse (FTS5 / tsvector), dense (the in-process vector index, decisions/0006) and hybrid, at
 * growing chunk counts, on SQLite (temporary DATA_DIR) and PostgreSQL (a private schema).
 *
 * How the chunks table is filled: not through the ingestion pipeline (that is
 * bench/knowledge-ingestion.ts). Chunk texts (~2 KB, about the default 512-token chunk) are built
 * from a pool of generated paragraphs (bench/knowledge/corpus.ts: a Markov chain over real
 * Markdown prose), each chunk a different random combination under a generated heading; their
 * embeddings come from the built-in offline embedder, computed once and reused for every backend.
 * Rows go in through the product's own write path — `store.transaction()` +
 * `knowledgeChunkStaging.insert()` + `moveRun()` as an ingestion job does (the full-text backlog
 * trigger included), 50 chunks per source, ~5,000 per transaction — then `bumpContentVersion` as
 * an ingestion commit does; the database's full-text index is then completed (`FullTextIndexer`,
 * timed on its own). Sizes are cumulative (10k is topped up to 100k). One extra tenant holds
 * another 10% of chunks in its own knowledge base, so the owner filter has something to filter.
 *
 * 200 questions per size, each a few content words of a random chunk in a question frame; 20
 * warm-up searches per method are excluded (the first dense search after a fill reloads the
 * vector index from the table; that load is reported on its own).
 *
 *   npx tsx bench/knowledge-search.ts
 *   BENCH_BACKENDS=sqlite BENCH_SIZES=10000 npx tsx bench/knowledge-search.ts
 */
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { RetrievalMethod } from '../src/core/knowledge/knowledge-base.js';
import { embeddingModelKey, defaultKnowledgeBaseSettings } from '../src/core/knowledge/knowledge-base.js';
import { OfflineEmbeddingModel } from '../src/search/offline-embedding-model.js';
import type { NewStagedChunk } from '../src/storage/repositories/knowledge-chunk-staging-repository.js';
import { createTestApp, type TestApp } from '../test/helpers/test-app.js';
import type { Backend } from '../test/helpers/test-database.js';
import { machine } from './harness.js';
import { ProseGenerator, seededRandom } from './knowledge/corpus.js';

const backends = (process.env.BENCH_BACKENDS ?? 'sqlite,postgres').split(',').map((name) => name.trim()) as Backend[];
const sizes = (process.env.BENCH_SIZES ?? '10000,100000')
  .split(',')
  .map(Number)
  .sort((left, right) => left - right);
const queryCount = Number(process.env.BENCH_QUERIES ?? 200);
const warmUpCount = 20;
/** Optional cap on measuring one method at one size, in seconds (fewer than BENCH_QUERIES questions are then timed; the table says how many). */
const methodBudgetSeconds = Number(process.env.BENCH_METHOD_BUDGET_S ?? Number.POSITIVE_INFINITY);
const otherTenantShare = 0.1;
const chunksPerSource = 50;
const chunksPerTransaction = 5_000;
const methods: RetrievalMethod[] = ['sparse', 'dense', 'hybrid'];

const largest = sizes.at(-1)!;
const random = seededRandom(99);
const generator = new ProseGenerator(random);

// ---- chunk texts and embeddings, once for every backend ---------------------------------------
console.error(`generating and embedding ${Math.round(largest * (1 + otherTenantShare))} chunks ...`);
const generationStarted = performance.now();
const paragraphs = Array.from({ length: 30_000 }, () => generator.paragraph());
const headings = Array.from({ length: 5_000 }, () => generator.heading());
const model = new OfflineEmbeddingModel();

interface GeneratedChunk {
  text: string;
  heading: string;
  embedding: Float32Array;
}

function generateChunks(count: number): GeneratedChunk[] {
  const chunks: GeneratedChunk[] = [];
  for (let index = 0; index < count; index++) {
    const heading = generator.pick(headings);
    let text = `${heading}\n\n`;
    const target = 1_700 + Math.floor(random() * 600);
    while (text.length < target) text += `${generator.pick(paragraphs)}\n\n`;
    text = text.trimEnd();
    chunks.push({ text, heading, embedding: model.embedText(text) });
  }
  return chunks;
}
const ownChunks = generateChunks(largest);
const otherChunks = generateChunks(Math.round(largest * otherTenantShare));
const generationSeconds = (performance.now() - generationStarted) / 1000;
const averageChunkBytes = ownChunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.text), 0) / ownChunks.length;

const questionsBySize = new Map(
  sizes.map((size) => [
    size,
    Array.from({ length: queryCount + warmUpCount }, () => generator.questionAbout(ownChunks[Math.floor(random() * size)]!.text)),
  ]),
);

// ---- filling ---------------------------------------------------------------------------------------
const modelKey = embeddingModelKey(defaultKnowledgeBaseSettings);

async function fill(t: TestApp, knowledgeBaseId: string, chunks: readonly GeneratedChunk[], from: number, to: number): Promise<void> {
  const createdAt = new Date().toISOString();
  for (let start = from; start < to; start += chunksPerTransaction) {
    const end = Math.min(to, start + chunksPerTransaction);
    await t.app.store.transaction(async (repositories) => {
      for (let sourceStart = start; sourceStart < end; sourceStart += chunksPerSource) {
        const sourceId = randomUUID();
        const rows: NewStagedChunk[] = [];
        for (let index = sourceStart; index < Math.min(end, sourceStart + chunksPerSource); index++) {
          const chunk = chunks[index]!;
          rows.push({
            knowledgeBaseId,
            sourceKind: 'item',
            sourceId,
            sourceTitle: `Generated document ${Math.floor(index / chunksPerSource) + 1}`,
            sourceUrl: null,
            ordinal: index - sourceStart,
            text: chunk.text,
            tokenCount: Math.round(chunk.text.length / 4),
            location: JSON.stringify({ headingPath: [chunk.heading] }),
            embedding: chunk.embedding,
            embeddingModel: modelKey,
          });
        }
        // The ingestion job's own write path: stage, then move into knowledge_chunks.
        const run = { taskId: sourceId, attempt: 1 };
        await repositories.knowledgeChunkStaging.insert(run, rows);
        await repositories.knowledgeChunkStaging.moveRun(run, createdAt);
      }
      await repositories.knowledgeBases.bumpContentVersion(knowledgeBaseId);
    });
  }
}

function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!;
}

interface Row {
  backend: Backend;
  size: number;
  fillSeconds: number;
  /** Completing the database's full-text index after this size's fill. */
  fullTextSeconds: number;
  indexLoadMs: number;
  sparseFallbackMs: number;
  sparseBuildMs: number;
  rssMb: number;
  latencies: Record<RetrievalMethod, { p50: number; p95: number; mean: number; emptyShare: number; count: number }>;
}

const rows: Row[] = [];
for (const backend of backends) {
  const t = await createTestApp(backend, { LOG_LEVEL: 'warn' });
  try {
    const { retriever } = t.app.services.knowledge;
    const reader = await t.signUp('reader');
    const other = await t.signUp('other');
    const createKnowledgeBase = async (token: string, name: string) => {
      const response = await t.request('POST', '/api/v1/knowledge-bases', { token, body: { name } });
      if (response.status !== 201) throw new Error(response.text);
      return response.body.data.knowledgeBase.id as string;
    };
    const ownKnowledgeBase = await createKnowledgeBase(reader.accessToken, 'Handbooks');
    const otherKnowledgeBase = await createKnowledgeBase(other.accessToken, 'Someone else');
    let filled = 0;
    let fillSeconds = 0;
    for (const size of sizes) {
      console.error(`${backend}: filling to ${size} chunks (+${Math.round(size * otherTenantShare)} of another tenant) ...`);
      const fillStarted = performance.now();
      await fill(t, ownKnowledgeBase, ownChunks, filled, size);
      await fill(t, otherKnowledgeBase, otherChunks, Math.round(filled * otherTenantShare), Math.round(size * otherTenantShare));
      fillSeconds += (performance.now() - fillStarted) / 1000;
      filled = size;
      // The database's full-text index is filled behind writes (decisions/0010); a knowledge base
      // with a backlog never searches it, so it is completed before the fallback is timed.
      const fullTextStarted = performance.now();
      await t.app.services.knowledge.fullText.drain();
      const fullTextSeconds = (performance.now() - fullTextStarted) / 1000;
      if (backend === 'postgres') await analyze(t.config.databaseUrl!);

      const questions = questionsBySize.get(size)!;
      // One search while the in-process BM25 index is not built: the database's full-text
      // search answers (what the first searches after a start or a big upload get).
      const fallbackStarted = performance.now();
      await retriever.search(reader.id, ownKnowledgeBase, questions[1]!, { method: 'sparse' });
      const sparseFallbackMs = performance.now() - fallbackStarted;
      const sparseBuildStarted = performance.now();
      await retriever.prepareSparseIndex(reader.id, ownKnowledgeBase);
      const sparseBuildMs = performance.now() - sparseBuildStarted;
      // The first dense search after the fill reloads this knowledge base into the vector index.
      const loadStarted = performance.now();
      await retriever.search(reader.id, ownKnowledgeBase, questions[0]!, { method: 'dense' });
      const indexLoadMs = performance.now() - loadStarted;
      (globalThis as { gc?: () => void }).gc?.();

      const latencies = {} as Row['latencies'];
      for (const method of methods) {
        console.error(`${backend} ${size}: ${method} ...`);
        for (const question of questions.slice(0, warmUpCount)) await retriever.search(reader.id, ownKnowledgeBase, question, { method });
        const measured: number[] = [];
        let empty = 0;
        const methodStarted = performance.now();
        for (const question of questions.slice(warmUpCount)) {
          if ((performance.now() - methodStarted) / 1000 > methodBudgetSeconds) break;
          const started = performance.now();
          const passages = await retriever.search(reader.id, ownKnowledgeBase, question, { method });
          measured.push(performance.now() - started);
          if (passages.length === 0) empty++;
          if (passages.some((passage) => passage.knowledgeBaseId !== ownKnowledgeBase)) throw new Error('another tenant leaked into the results');
        }
        measured.sort((left, right) => left - right);
        latencies[method] = {
          p50: percentile(measured, 0.5),
          p95: percentile(measured, 0.95),
          mean: measured.reduce((sum, value) => sum + value, 0) / measured.length,
          emptyShare: empty / measured.length,
          count: measured.length,
        };
      }
      rows.push({ backend, size, fillSeconds, fullTextSeconds, indexLoadMs, sparseFallbackMs, sparseBuildMs, rssMb: process.memoryUsage().rss / 2 ** 20, latencies });
    }
  } finally {
    await t.close();
  }
}

/** What autovacuum would soon do after a bulk load: fresh planner statistics. */
async function analyze(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('analyze knowledge_chunks');
  await client.end();
}

// ---- report -------------------------------------------------------------------------------------
const f1 = (value: number) => value.toFixed(1);
const load = execSync('uptime').toString().trim().replace(/.*load average:\s*/, '');
console.log(`\n### Knowledge search latency (${new Date().toISOString().slice(0, 10)})\n`);
console.log(`Machine: ${machine()}. Load average at the end of the run: ${load}.`);
console.log(
  `\`retriever.search()\` in process, database included, default knowledge base settings (topK ${defaultKnowledgeBaseSettings.topK}, sparseWeightage ${defaultKnowledgeBaseSettings.sparseWeightage}, no reranking); ` +
    `${queryCount} generated questions per size after ${warmUpCount} warm-up searches per method; chunks of ${Math.round(averageChunkBytes)} bytes on average with built-in 512-dimension embeddings ` +
    `(generated and embedded once in ${f1(generationSeconds)} s), written through \`store.transaction()\` + staging and \`moveRun()\`; another tenant holds +10% chunks. Target: hybrid p95 < 30 ms at 100k chunks.\n`,
);
console.log('| backend | chunks | sparse p50 / p95 (ms) | dense p50 / p95 (ms) | hybrid p50 / p95 (ms) | hybrid p95 vs 30 ms | first dense search (index load, ms) | sparse from the database, index not built (ms) | sparse index build (ms) | fill time so far (s) | database full-text index after this fill (s) | RSS (MiB) |');
console.log('|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  const cell = (method: RetrievalMethod) => `${f1(row.latencies[method].p50)} / ${f1(row.latencies[method].p95)}`;
  const verdict = row.latencies.hybrid.p95 < 30 ? 'meets' : `misses (${f1(row.latencies.hybrid.p95 / 30)}×)`;
  console.log(
    `| ${row.backend} | ${row.size.toLocaleString('en')} | ${cell('sparse')} | ${cell('dense')} | ${cell('hybrid')} | ${verdict} | ${Math.round(row.indexLoadMs)} | ${Math.round(row.sparseFallbackMs)} | ${Math.round(row.sparseBuildMs)} | ${f1(row.fillSeconds)} | ${f1(row.fullTextSeconds)} | ${Math.round(row.rssMb)} |`,
  );
}
const capped = rows.flatMap((row) => methods.filter((method) => row.latencies[method].count < queryCount).map((method) => `${row.backend} ${row.size} ${method}: ${row.latencies[method].count} questions (BENCH_METHOD_BUDGET_S=${methodBudgetSeconds})`));
if (capped.length > 0) console.log(`\nTimed fewer questions: ${capped.join('; ')}.`);
const empties = rows.flatMap((row) => methods.filter((method) => row.latencies[method].emptyShare > 0).map((method) => `${row.backend} ${row.size} ${method}: ${(row.latencies[method].emptyShare * 100).toFixed(0)}% empty`));
if (empties.length > 0) console.log(`\nQuestions with no result: ${empties.join('; ')}.`);
