import { randomUUID } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/storage/store.js';
import { commitSourceChunks } from '../helpers/commit-source-chunks.js';
import { insertKnowledgeBase, openOwnedStore, type OwnedStore } from '../helpers/knowledge-store.js';
import { backends } from '../helpers/test-database.js';

/**
 * The database's full-text index is filled from a backlog (migration 0009), on every backend:
 * new chunks wait in it unsearched, indexing takes each exactly once, and chunks deleted before
 * or after being indexed leave the full-text index consistent.
 */
describe.each(backends)('full-text backlog contract on %s', (backend) => {
  let store: Store;
  let ownerId: string;
  let owned: OwnedStore;

  beforeAll(async () => {
    owned = await openOwnedStore(backend, 'indexer');
    ({ store, ownerId } = owned);
  });
  afterAll(async () => owned.close());

  const knowledgeBase = (): Promise<string> => insertKnowledgeBase(store, ownerId, 'Backlog');

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
    const connection = new Sqlite(owned.sqlitePath);
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
