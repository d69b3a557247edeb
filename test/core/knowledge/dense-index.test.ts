import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DenseIndex, type DenseTarget } from '../../../src/core/knowledge/dense-index.js';
import { commitSourceChunks } from '../../helpers/commit-source-chunks.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { backends } from '../../helpers/test-database.js';

const unit = (...values: number[]) => Float32Array.from(values);

/**
 * The in-process vector index against a real store: changes that come with their vectors are
 * applied as they are; any other is caught up from the table by chunk id on the next search,
 * and a hybrid search does not wait for a large backlog.
 */
describe.each(backends)('dense index on %s', (backend) => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp(backend);
    token = (await t.signUp('vectors')).accessToken;
  });
  afterAll(async () => t.close());

  async function createKnowledgeBase(): Promise<string> {
    const response = await t.request('POST', '/api/v1/knowledge-bases', { token, body: { name: randomUUID() } });
    expect(response.status).toBe(201);
    return response.body.data.knowledgeBase.id as string;
  }

  /** What an ingestion commit does; returns the ids and the change as the pipeline reports it. */
  async function writeSource(knowledgeBaseId: string, sourceId: string, vectors: readonly Float32Array[]) {
    return commitSourceChunks(t.app.store, knowledgeBaseId, sourceId, vectors.map((embedding, ordinal) => ({ text: `${sourceId} ${ordinal}`, embedding })));
  }

  async function targetOf(knowledgeBaseId: string): Promise<DenseTarget> {
    const row = await t.app.store.knowledgeBases.findById(knowledgeBaseId);
    return { id: knowledgeBaseId, contentVersion: row!.contentVersion, modelKey: 'test-model' };
  }

  it('applies changes that bring their vectors and catches up on the others from the table', async () => {
    const knowledgeBaseId = await createKnowledgeBase();
    const [first] = (await writeSource(knowledgeBaseId, 'a', [unit(1, 0, 0)])).insertedIds;
    const index = new DenseIndex(t.app.store);
    expect((await index.search([await targetOf(knowledgeBaseId)], unit(1, 0, 0), 5))?.map((hit) => hit.chunkId)).toEqual([String(first)]);

    // This process's small ingestion: applied with its vectors.
    const small = await writeSource(knowledgeBaseId, 'a', [unit(0, 1, 0)]);
    index.applyChange(knowledgeBaseId, 'test-model', { ...small, vectors: [unit(0, 1, 0)] });
    const afterSmall = await index.search([await targetOf(knowledgeBaseId)], unit(0, 1, 0), 5);
    expect(afterSmall?.map((hit) => hit.chunkId)).toEqual(small.insertedIds.map(String));

    // A large one (no vectors kept) and another process's change: both read from the table.
    const large = await writeSource(knowledgeBaseId, 'b', [unit(0, 0, 1), unit(0, 0.9, 0.1)]);
    index.applyChange(knowledgeBaseId, 'test-model', { ...large, vectors: undefined });
    const elsewhere = await writeSource(knowledgeBaseId, 'a', [unit(0.5, 0.5, 0)]);
    const hits = await index.search([await targetOf(knowledgeBaseId)], unit(0, 0, 1), 10);
    expect(hits?.map((hit) => Number(hit.chunkId)).sort((left, right) => left - right)).toEqual([...large.insertedIds, ...elsewhere.insertedIds]);
  });

  it('lets a search that may go without vectors skip a backlog larger than it waits for', async () => {
    const knowledgeBaseId = await createKnowledgeBase();
    await writeSource(knowledgeBaseId, 'many', Array.from({ length: 30 }, (_, position) => unit(1, position, 0)));
    const index = new DenseIndex(t.app.store, 10);
    const target = await targetOf(knowledgeBaseId);

    expect(await index.search([target], unit(1, 0, 0), 3, false)).toBeUndefined();
    expect(await index.search([target], unit(1, 0, 0), 3)).toHaveLength(3);
    expect(await index.search([target], unit(1, 0, 0), 3, false)).toHaveLength(3);
  });
});
