import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/storage/store.js';
import { commitSourceChunks } from '../helpers/commit-source-chunks.js';
import { backends, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/**
 * The database's full-text index is filled from a backlog (migration 0009), on every backend:
 * new chunks wait in it unsearched, indexing takes each exactly once, and chunks deleted before
 * or after being indexed leave the full-text index consistent.
 */
describe.each(backends)('full-text backlog contract on %s', (backend) => {
  let store: Store;
  let database: TestDatabase;
  let dataDir: string;
  let ownerId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'docent-backlog-'));
    database = await createTestDatabase(backend);
    store = await Store.open({ databaseUrl: database.databaseUrl, sqlitePath: join(dataDir, 'docent.sqlite') });
    ownerId = randomUUID();
    const now = new Date().toISOString();
    await store.users.insert({
      id: ownerId,
      username: 'indexer',
      email: 'indexer@example.test',
      passwordHash: 'hash',
      firstName: null,
      lastName: null,
      role: 'user',
      status: 'active',
      createdAt: now,
      updatedAt: now,
      lastLoginAt: null,
    });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function knowledgeBase(): Promise<string> {
    const now = new Date().toISOString();
    const row = await store.knowledgeBases.insert({
      id: randomUUID(),
      ownerId,
      name: 'Backlog',
      description: '',
      embeddingType: 'offline',
      embeddingProviderId: null,
      embeddingModel: null,
      chunkSize: 512,
      chunkOverlap: 32,
      retrievalMethod: 'hybrid',
      sparseWeightage: 0.5,
      topK: 5,
      rerankingEnabled: 0,
      rerankTopK: 3,
      updateInterval: 0,
      settingsVersion: 1,
      contentVersion: 1,
      createdAt: now,
      updatedAt: now,
    });
    return row.id;
  }

  /** Works the whole backlog off in small batches; returns how many chunks this caller indexed. */
  async function indexEverything(): Promise<number> {
    let total = 0;
    for (;;) {
      const indexed = await store.knowledgeChunks.indexFullTextBacklog(7);
      if (indexed === 0) return total;
      total += indexed;
    }
  }

  async function search(knowledgeBaseId: string, question: string): Promise<number[]> {
    return (await store.knowledgeChunks.searchSparse(ownerId, [knowledgeBaseId], question, 10)).map((hit) => hit.chunkId);
  }

  /** FTS5's own consistency check of an external-content table against its content; PostgreSQL has no equivalent to break. */
  async function expectFullTextIndexConsistent(): Promise<void> {
    if (backend !== 'sqlite') return;
    const connection = new Sqlite(join(dataDir, 'docent.sqlite'));
    try {
      expect(() => connection.prepare(`insert into knowledge_chunks_fts (knowledge_chunks_fts, rank) values ('integrity-check', 1)`).run()).not.toThrow();
    } finally {
      connection.close();
    }
  }

  it('keeps new chunks out of full-text search until indexed, then finds them', async () => {
    const knowledgeBaseId = await knowledgeBase();
    const { insertedIds } = await commitSourceChunks(store, knowledgeBaseId, randomUUID(), [
      { text: 'The harbour crane lifts containers.' },
      { text: 'Crane operators work in shifts.' },
    ]);
    expect(await search(knowledgeBaseId, 'crane')).toEqual([]);
    expect(await store.knowledgeChunks.hasFullTextBacklog(knowledgeBaseId)).toBe(true);

    expect(await indexEverything()).toBe(2);
    expect((await search(knowledgeBaseId, 'crane')).sort((left, right) => left - right)).toEqual(insertedIds);
    expect(await store.knowledgeChunks.hasFullTextBacklog(knowledgeBaseId)).toBe(false);
    expect(await store.knowledgeChunks.hasFullTextBacklog()).toBe(false);
    await expectFullTextIndexConsistent();
  });

  it('forgets chunks deleted before they were indexed, and unindexes chunks deleted after', async () => {
    const knowledgeBaseId = await knowledgeBase();
    const sourceId = randomUUID();
    await commitSourceChunks(store, knowledgeBaseId, sourceId, [{ text: 'Draft: the pelican logo is blue.' }]);
    // Replaced before the indexer ran: the draft never reaches the full-text index.
    const { insertedIds: [final] } = await commitSourceChunks(store, knowledgeBaseId, sourceId, [{ text: 'Final: the pelican logo is green.' }]);
    expect(await indexEverything()).toBe(1);
    expect(await search(knowledgeBaseId, 'pelican logo')).toEqual([final]);
    await expectFullTextIndexConsistent();

    // Replaced after being indexed: the old chunk leaves the full-text index with its row.
    const { insertedIds: [retired] } = await commitSourceChunks(store, knowledgeBaseId, sourceId, [{ text: 'Retired: the heron logo.' }]);
    expect(await search(knowledgeBaseId, 'pelican logo')).toEqual([]);
    await indexEverything();
    expect(await search(knowledgeBaseId, 'logo')).toEqual([retired]);
    await expectFullTextIndexConsistent();
  });

  it('indexes each chunk once when several indexers run at the same time', async () => {
    const knowledgeBaseId = await knowledgeBase();
    const texts = Array.from({ length: 60 }, (_unused, index) => ({ text: `Lighthouse log entry ${index} mentions the keeper.` }));
    const { insertedIds } = await commitSourceChunks(store, knowledgeBaseId, randomUUID(), texts);
    const counts = await Promise.all([indexEverything(), indexEverything(), indexEverything()]);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(insertedIds.length);
    const hits = (await store.knowledgeChunks.searchSparse(ownerId, [knowledgeBaseId], 'lighthouse keeper', 100)).map((hit) => hit.chunkId);
    expect(hits.sort((left, right) => left - right)).toEqual(insertedIds);
    await expectFullTextIndexConsistent();
  });
});
