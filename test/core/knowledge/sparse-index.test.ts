import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DenseIndex } from '../../../src/core/knowledge/dense-index.js';
import { EmbeddingModels } from '../../../src/core/knowledge/embedding-models.js';
import { KnowledgeRetriever } from '../../../src/core/knowledge/knowledge-retriever.js';
import { SparseIndex, type SparseTarget } from '../../../src/core/knowledge/sparse-index.js';
import { ProviderCredentials } from '../../../src/core/providers/provider-credentials.js';
import { SecretBox } from '../../../src/core/crypto/secret-box.js';
import { SparseIndexSnapshots } from '../../../src/core/knowledge/sparse-index-snapshots.js';
import { bm25QueryTerms } from '../../../src/search/bm25-terms.js';
import { commitSourceChunks } from '../../helpers/commit-source-chunks.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { backends } from '../../helpers/test-database.js';

/**
 * The in-process BM25 index against a real store: it follows changes made behind its back
 * (another process's ingestion), never returns a deleted chunk, and hands a large backlog to
 * the database's full-text search while it catches up.
 */
describe.each(backends)('sparse index on %s', (backend) => {
  let t: TestApp;
  let ownerId: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(backend);
    const owner = await t.signUp('indexer');
    const neighbour = await t.signUp('neighbour');
    ownerId = owner.id;
    tokens.set('owner', owner.accessToken).set('neighbour', neighbour.accessToken);
  });
  afterAll(async () => t.close());

  async function createKnowledgeBase(who: 'owner' | 'neighbour' = 'owner'): Promise<string> {
    const response = await t.request('POST', '/api/v1/knowledge-bases', { token: tokens.get(who)!, body: { name: randomUUID() } });
    expect(response.status).toBe(201);
    return response.body.data.knowledgeBase.id as string;
  }

  /** What an ingestion commit does; returns the new chunk ids. */
  async function writeSource(knowledgeBaseId: string, sourceId: string, texts: readonly string[]): Promise<number[]> {
    const { insertedIds } = await commitSourceChunks(t.app.store, knowledgeBaseId, sourceId, texts.map((text) => ({ text })));
    return insertedIds;
  }

  async function targetOf(knowledgeBaseId: string): Promise<SparseTarget> {
    const row = await t.app.store.knowledgeBases.findById(knowledgeBaseId);
    return { id: knowledgeBaseId, contentVersion: row!.contentVersion };
  }

  it('builds on the first search and follows replacements made elsewhere', async () => {
    const knowledgeBaseId = await createKnowledgeBase();
    const [gearbox] = await writeSource(knowledgeBaseId, 'report', ['The gearbox division closed with a loss.', 'Offshore turbines sold well.']);
    await writeSource(knowledgeBaseId, 'memo', ['Lunch is served at noon in the canteen.']);
    const index = new SparseIndex(t.app.store);

    const first = await index.search(await targetOf(knowledgeBaseId), bm25QueryTerms('Why did the gearboxes lose money?'), 5);
    expect(first?.map((hit) => hit.chunkId)).toEqual([gearbox]);

    const [restated] = await writeSource(knowledgeBaseId, 'report', ['After the audit the gearbox division made a profit.']);
    const afterReplacement = await index.search(await targetOf(knowledgeBaseId), bm25QueryTerms('gearbox division'), 5);
    expect(afterReplacement?.map((hit) => hit.chunkId)).toEqual([restated]);
    const canteen = await index.search(await targetOf(knowledgeBaseId), bm25QueryTerms('canteen'), 5);
    expect(canteen).toHaveLength(1);
  });

  it('hands a backlog larger than it waits for to the database, then answers itself once caught up', async () => {
    const knowledgeBaseId = await createKnowledgeBase();
    const texts = Array.from({ length: 40 }, (_, position) => `Filler paragraph number ${position} about quarterly planning.`);
    await writeSource(knowledgeBaseId, 'bulk', [...texts, 'The lighthouse keeper logs every ship.']);
    const index = new SparseIndex(t.app.store, { maximumWaitChunks: 10 });
    const target = await targetOf(knowledgeBaseId);
    const terms = bm25QueryTerms('lighthouse keeper');

    expect(await index.search(target, terms, 3)).toBeUndefined();
    let hits = await index.search(target, terms, 3);
    for (let attempt = 0; hits === undefined && attempt < 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      hits = await index.search(target, terms, 3);
    }
    expect(hits).toHaveLength(1);
    const [chunk] = await t.app.store.knowledgeChunks.findManyOwned([hits![0]!.chunkId], ownerId);
    expect(chunk?.text).toContain('lighthouse');
  });

  it('never returns a chunk deleted after the index was built', async () => {
    const knowledgeBaseId = await createKnowledgeBase();
    await writeSource(knowledgeBaseId, 'a', ['Penguins nest on the southern cliffs.']);
    const [kept] = await writeSource(knowledgeBaseId, 'b', ['Penguins also swim near the harbour.']);
    const index = new SparseIndex(t.app.store);
    expect(await index.search(await targetOf(knowledgeBaseId), bm25QueryTerms('penguins'), 5)).toHaveLength(2);

    await t.app.store.transaction(async (repositories) => {
      await repositories.knowledgeChunks.deleteSource('item', 'a');
      await repositories.knowledgeBases.bumpContentVersion(knowledgeBaseId);
    });
    const hits = await index.search(await targetOf(knowledgeBaseId), bm25QueryTerms('penguins'), 5);
    expect(hits?.map((hit) => hit.chunkId)).toEqual([kept]);
  });

  it('reads chunk ids and texts of the named knowledge base only', async () => {
    const mine = await createKnowledgeBase();
    const theirs = await createKnowledgeBase('neighbour');
    const own = await writeSource(mine, 'listing-mine', ['First passage.', 'Second passage.']);
    const [foreign] = await writeSource(theirs, 'listing-theirs', ['A neighbour passage.']);

    expect((await t.app.store.knowledgeChunks.listIds(mine)).sort((left, right) => left - right)).toEqual(own);
    const texts = await t.app.store.knowledgeChunks.listTexts(mine, [...own, foreign!]);
    expect(texts.map((row) => row.text).sort()).toEqual(['First passage.', 'Second passage.']);
  });

  it('restarts from its snapshot, tokenizing only what was written since; deleting the knowledge base deletes the snapshot', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'docent-bm25-'));
    try {
      const snapshots = new SparseIndexSnapshots(directory);
      const snapshotFile = (id: string) => join(directory, `${id}.bm25`);
      const knowledgeBaseId = await createKnowledgeBase();
      await writeSource(knowledgeBaseId, 'cranes', Array.from({ length: 30 }, (_, position) => `Paragraph ${position} about the harbour cranes.`));
      const before = new SparseIndex(t.app.store, { snapshots, snapshotAfterChunks: 1, snapshotDelayMs: 0 });
      expect(await before.search(await targetOf(knowledgeBaseId), bm25QueryTerms('harbour cranes'), 3)).toHaveLength(3);
      await eventually(() => existsSync(snapshotFile(knowledgeBaseId)));
      await before.close();

      const [tugboat] = await writeSource(knowledgeBaseId, 'tugboats', ['The tugboat captain signs the harbour log.']);
      // Without the snapshot 31 chunks would be missing and this search would go to the database.
      const after = new SparseIndex(t.app.store, { snapshots, maximumWaitChunks: 1 });
      const hits = await after.search(await targetOf(knowledgeBaseId), bm25QueryTerms('tugboat harbour'), 3);
      expect(hits?.[0]?.chunkId).toBe(tugboat);

      after.forget(knowledgeBaseId);
      await eventually(() => !existsSync(snapshotFile(knowledgeBaseId)));
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('the database fallback filters by owner and knowledge base in the query', async () => {
    const mine = await createKnowledgeBase();
    const theirs = await createKnowledgeBase('neighbour');
    const [own] = await writeSource(mine, 'mine', ['The vault code rotates every Monday.']);
    await writeSource(theirs, 'theirs', ['The vault code is 4711, vault vault vault.']);
    await t.app.services.knowledge.fullText.drain();

    const hits = await t.app.store.knowledgeChunks.searchSparse(ownerId, [mine, theirs], 'vault code', 10);
    expect(hits.map((hit) => hit.chunkId)).toEqual([own]);
    expect(await t.app.store.knowledgeChunks.searchSparse(ownerId, [theirs], 'vault code', 10)).toEqual([]);
  });

  it('never answers from the database while its full-text index still lacks chunks of the knowledge base', async () => {
    // This test decides when the backlog is indexed.
    await t.app.services.knowledge.fullText.close();
    const knowledgeBaseId = await createKnowledgeBase();
    await writeSource(knowledgeBaseId, 'timetable', ['The ferry timetable changes in spring.', 'Tickets are sold on board.']);
    await t.app.services.knowledge.fullText.drain();
    const [stop] = await writeSource(knowledgeBaseId, 'stops', ['The ferry now also stops at Lindholm.']);
    expect(await t.app.store.knowledgeChunks.hasFullTextBacklog(knowledgeBaseId)).toBe(true);
    const credentials = new ProviderCredentials(t.app.store, new SecretBox('a-test-secret-key-that-is-long-enough-0123'));
    // An in-process index that never waits: every search would go to the database.
    const retrieverWithColdIndex = () =>
      new KnowledgeRetriever(t.app.store, new DenseIndex(t.app.store), new SparseIndex(t.app.store, { maximumWaitChunks: 0 }), new EmbeddingModels(credentials, { allowedPrivateHosts: [] }));

    const whileBehind = await retrieverWithColdIndex().search(ownerId, knowledgeBaseId, 'Lindholm ferry', { method: 'sparse' });
    expect(whileBehind[0]?.id).toBe(String(stop));

    await t.app.services.knowledge.fullText.drain();
    expect(await t.app.store.knowledgeChunks.hasFullTextBacklog(knowledgeBaseId)).toBe(false);
    const fromDatabase = await retrieverWithColdIndex().search(ownerId, knowledgeBaseId, 'Lindholm ferry', { method: 'sparse' });
    expect(fromDatabase[0]?.id).toBe(String(stop));
  });
});

async function eventually(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}
