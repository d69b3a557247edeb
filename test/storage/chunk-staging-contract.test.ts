import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewStagedChunk, StagingRun } from '../../src/storage/repositories/knowledge-chunk-staging-repository.js';
import type { Store } from '../../src/storage/store.js';
import { insertKnowledgeBase, openOwnedStore, type OwnedStore } from '../helpers/knowledge-store.js';
import { backends } from '../helpers/test-database.js';

/**
 * The staging table behind bounded-memory ingestion, on every backend: staged chunks are
 * invisible to every read a search or a listing makes, a move copies one attempt's rows in
 * staging order (full-text index included), and deletes touch only what they name.
 */
describe.each(backends)('chunk staging contract on %s', (backend) => {
  let store: Store;
  let ownerId: string;
  let owned: OwnedStore;

  beforeAll(async () => {
    owned = await openOwnedStore(backend, 'stager');
    ({ store, ownerId } = owned);
  });
  afterAll(async () => owned.close());

  const knowledgeBase = (): Promise<string> => insertKnowledgeBase(store, ownerId, 'Staging');

  function chunks(knowledgeBaseId: string, sourceId: string, texts: readonly string[], sourceUrl: string | null = null): NewStagedChunk[] {
    return texts.map((text, ordinal) => ({
      knowledgeBaseId,
      sourceKind: 'item',
      sourceId,
      sourceTitle: 'Staged item',
      sourceUrl,
      ordinal,
      text,
      tokenCount: 5,
      location: '{}',
      embedding: Float32Array.from([ordinal, 0.5, -1]),
      embeddingModel: 'test-model',
    }));
  }

  it('keeps staged chunks out of every search and listing', async () => {
    const knowledgeBaseId = await knowledgeBase();
    const sourceId = randomUUID();
    const run: StagingRun = { taskId: `task-${sourceId}`, attempt: 1 };
    await store.knowledgeChunkStaging.insert(run, chunks(knowledgeBaseId, sourceId, ['The quokka ledger balances.', 'Quokka ledgers close monthly.']));

    expect(await store.knowledgeChunkStaging.countTask(run.taskId)).toBe(2);
    expect(await store.knowledgeChunks.searchSparse(ownerId, [knowledgeBaseId], 'quokka ledger', 10)).toEqual([]);
    expect(await store.knowledgeChunks.listBySource('item', sourceId)).toEqual([]);
    expect(await store.knowledgeChunks.countSource('item', sourceId)).toBe(0);
    expect(await store.knowledgeChunks.listIds(knowledgeBaseId, 'test-model')).toEqual([]);
  });

  it("moves one attempt's chunks in staging order, searchable, with the commit time", async () => {
    const knowledgeBaseId = await knowledgeBase();
    const sourceId = randomUUID();
    const taskId = `task-${sourceId}`;
    const texts = Array.from({ length: 1_203 }, (_unused, index) => `Wombat clause ${index} covers burrow ${index}.`);
    // An abandoned attempt's rows sit beside the current attempt's; they must not be moved.
    await store.knowledgeChunkStaging.insert({ taskId, attempt: 1 }, chunks(knowledgeBaseId, sourceId, ['Stale wombat text.']));
    await store.knowledgeChunkStaging.insert({ taskId, attempt: 2 }, chunks(knowledgeBaseId, sourceId, texts.slice(0, 700)));
    await store.knowledgeChunkStaging.insert({ taskId, attempt: 2 }, chunks(knowledgeBaseId, sourceId, texts.slice(700)).map((chunk) => ({ ...chunk, ordinal: chunk.ordinal + 700 })));

    const committedAt = '2026-11-22T10:00:00.000Z';
    let pauses = 0;
    const moved = await store.transaction((repositories) =>
      repositories.knowledgeChunkStaging.moveRun({ taskId, attempt: 2 }, committedAt, async () => {
        pauses += 1;
      }),
    );
    expect(moved).toHaveLength(texts.length);
    expect(pauses).toBeGreaterThanOrEqual(3);
    const ids = moved.map((chunk) => chunk.id);
    expect(new Set(ids).size).toBe(texts.length);
    expect([...moved].sort((left, right) => left.id - right.id).map((chunk) => chunk.ordinal)).toEqual(texts.map((_text, index) => index));

    const stored = await store.knowledgeChunks.listBySource('item', sourceId);
    expect(stored.map((chunk) => chunk.text)).toEqual(texts);
    expect(stored.every((chunk) => chunk.createdAt === committedAt && chunk.embeddingModel === 'test-model')).toBe(true);
    const embeddings = await store.knowledgeChunks.listEmbeddingsByIds(knowledgeBaseId, await store.knowledgeChunks.listIds(knowledgeBaseId, 'test-model'));
    const first = embeddings.find((row) => row.id === stored[0]!.id);
    expect(Array.from(first!.embedding)).toEqual([0, 0.5, -1]);
    // The database's full-text index takes chunks from its backlog (FullTextIndexer), not at the move.
    expect(await store.knowledgeChunks.searchSparse(ownerId, [knowledgeBaseId], 'burrow 1202', 1)).toEqual([]);
    while ((await store.knowledgeChunks.indexFullTextBacklog(500)) > 0);
    const [hit] = await store.knowledgeChunks.searchSparse(ownerId, [knowledgeBaseId], 'burrow 1202', 1);
    expect(hit?.chunkId).toBe(stored.at(-1)!.id);

    // Moving copies: the rows stay staged until deleted, and deleting by source takes every attempt's.
    expect(await store.knowledgeChunkStaging.countTask(taskId)).toBe(texts.length + 1);
    await store.knowledgeChunkStaging.deleteSource('item', sourceId);
    expect(await store.knowledgeChunkStaging.countTask(taskId)).toBe(0);
  });

  it('deletes only what it names: one attempt, one job, one source', async () => {
    const knowledgeBaseId = await knowledgeBase();
    const [first, second] = [randomUUID(), randomUUID()];
    await store.knowledgeChunkStaging.insert({ taskId: 'job-a', attempt: 1 }, chunks(knowledgeBaseId, first, ['a1']));
    await store.knowledgeChunkStaging.insert({ taskId: 'job-a', attempt: 2 }, chunks(knowledgeBaseId, first, ['a2']));
    await store.knowledgeChunkStaging.insert({ taskId: 'job-b', attempt: 1 }, chunks(knowledgeBaseId, second, ['b1']));

    await store.knowledgeChunkStaging.deleteRun({ taskId: 'job-a', attempt: 1 });
    expect(await store.knowledgeChunkStaging.countTask('job-a')).toBe(1);
    await store.knowledgeChunkStaging.deleteTask('job-a');
    expect(await store.knowledgeChunkStaging.countTask('job-a')).toBe(0);
    expect(await store.knowledgeChunkStaging.countTask('job-b')).toBe(1);
  });

  it('leaves nothing moved when the transaction rolls back, and goes with its knowledge base', async () => {
    const knowledgeBaseId = await knowledgeBase();
    const sourceId = randomUUID();
    const run = { taskId: `task-${sourceId}`, attempt: 1 };
    await store.knowledgeChunkStaging.insert(run, chunks(knowledgeBaseId, sourceId, ['Rolled back numbat.']));
    await expect(
      store.transaction(async (repositories) => {
        await repositories.knowledgeChunkStaging.moveRun(run, new Date().toISOString());
        throw new Error('crash before commit');
      }),
    ).rejects.toThrow('crash before commit');
    expect(await store.knowledgeChunks.countSource('item', sourceId)).toBe(0);
    expect(await store.knowledgeChunkStaging.countTask(run.taskId)).toBe(1);

    expect(await store.knowledgeBases.deleteOwned(knowledgeBaseId, ownerId)).toMatchObject({ id: knowledgeBaseId });
    expect(await store.knowledgeChunkStaging.countTask(run.taskId)).toBe(0);
  });
  // PostgreSQL would compress and move a staged row this size to its TOAST table, which cost more
  // server CPU than the rest of ingesting plain text (migration 0010).
  if (backend === 'postgres') {
    it('stages a chunk row of typical size whole and without the WAL, and stores text and vectors uncompressed', async () => {
      const client = new pg.Client({ connectionString: owned.databaseUrl });
      await client.connect();
      try {
        const stagingToastBytes = async (): Promise<number> => {
          const { rows } = await client.query<{ bytes: string }>(
            `select pg_relation_size(reltoastrelid)::text as bytes from pg_class where oid = 'knowledge_chunk_staging'::regclass`,
          );
          return Number(rows[0]?.bytes);
        };
        const before = await stagingToastBytes();
        const knowledgeBaseId = await knowledgeBase();
        const sourceId = randomUUID();
        const run: StagingRun = { taskId: `task-${sourceId}`, attempt: 1 };
        // ~1.5 KB of prose and a 512-dimension float32 vector (2 KB), as the built-in model makes.
        const text = 'The wombat ledger records every burrow lease, its term and its rent. '.repeat(22);
        const vector = Float32Array.from({ length: 512 }, (_unused, index) => Math.sin(index * 7.3));
        await store.knowledgeChunkStaging.insert(run, chunks(knowledgeBaseId, sourceId, [text, text]).map((chunk) => ({ ...chunk, embedding: vector })));
        expect(await stagingToastBytes()).toBe(before);

        const moved = await store.transaction((repositories) => repositories.knowledgeChunkStaging.moveRun(run, new Date().toISOString()));
        expect((await store.knowledgeChunks.listBySource('item', sourceId)).map((chunk) => chunk.text)).toEqual([text, text]);
        const stored = await store.knowledgeChunks.listEmbeddingsByIds(knowledgeBaseId, moved.map((chunk) => chunk.id));
        expect(stored.map((row) => Array.from(row.embedding))).toEqual([Array.from(vector), Array.from(vector)]);

        const { rows: staging } = await client.query<{ relpersistence: string }>(`select relpersistence from pg_class where oid = 'knowledge_chunk_staging'::regclass`);
        expect(staging[0]?.relpersistence).toBe('u');
        const { rows: storage } = await client.query<{ attname: string; attstorage: string }>(
          `select attname, attstorage from pg_attribute where attrelid = 'knowledge_chunks'::regclass and attname in ('embedding', 'text') order by attname`,
        );
        expect(storage).toEqual([
          { attname: 'embedding', attstorage: 'e' },
          { attname: 'text', attstorage: 'e' },
        ]);
      } finally {
        await client.end();
      }
    });
  }
});
