import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FullTextIndexer } from '../../../src/core/knowledge/full-text-indexer.js';
import { commitSourceChunks } from '../../helpers/commit-source-chunks.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { backends } from '../../helpers/test-database.js';

/**
 * The background filling of the database's full-text index: it works the backlog off once
 * started, and holds it back while this process ingests — for at most `maximumDeferMs`.
 */
describe.each(backends)('full-text indexer on %s', (backend) => {
  let t: TestApp;
  let token: string;
  const indexers: FullTextIndexer[] = [];

  beforeAll(async () => {
    t = await createTestApp(backend);
    token = (await t.signUp('indexer')).accessToken;
    // The app's own indexer would race the ones under test.
    await t.app.services.knowledge.fullText.close();
  });
  afterEach(async () => {
    await Promise.all(indexers.splice(0).map((indexer) => indexer.close()));
  });
  afterAll(async () => t.close());

  function indexer(options: ConstructorParameters<typeof FullTextIndexer>[1]): FullTextIndexer {
    const created = new FullTextIndexer(t.app.store, { pollIntervalMs: 10, ...options });
    indexers.push(created);
    return created;
  }

  async function knowledgeBaseWithNewChunks(): Promise<string> {
    const response = await t.request('POST', '/api/v1/knowledge-bases', { token, body: { name: randomUUID() } });
    const knowledgeBaseId = response.body.data.knowledgeBase.id as string;
    await commitSourceChunks(t.app.store, knowledgeBaseId, randomUUID(), [{ text: 'The archive opens at nine.' }, { text: 'Archive cards are free.' }]);
    return knowledgeBaseId;
  }

  const backlogOf = (knowledgeBaseId: string) => t.app.store.knowledgeChunks.hasFullTextBacklog(knowledgeBaseId);

  it('does nothing until started, then works the backlog off in the background', async () => {
    const knowledgeBaseId = await knowledgeBaseWithNewChunks();
    const background = indexer({});
    await background.whileIngesting(async () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await backlogOf(knowledgeBaseId)).toBe(true);

    background.start();
    await expect.poll(() => backlogOf(knowledgeBaseId), { timeout: 5000, interval: 20 }).toBe(false);
  });

  it('holds the backlog back while an ingestion runs, and works it off when the ingestion ends', async () => {
    const background = indexer({ maximumDeferMs: 60_000 });
    background.start();
    let finishIngestion = () => {};
    const ingestion = background.whileIngesting(() => new Promise<void>((resolve) => (finishIngestion = resolve)));
    const knowledgeBaseId = await knowledgeBaseWithNewChunks();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await backlogOf(knowledgeBaseId)).toBe(true);

    finishIngestion();
    await ingestion;
    await expect.poll(() => backlogOf(knowledgeBaseId), { timeout: 5000, interval: 20 }).toBe(false);
  });

  it('stops holding the backlog back after maximumDeferMs of ingesting', async () => {
    const background = indexer({ maximumDeferMs: 100 });
    background.start();
    let finishIngestion = () => {};
    const ingestion = background.whileIngesting(() => new Promise<void>((resolve) => (finishIngestion = resolve)));
    const knowledgeBaseId = await knowledgeBaseWithNewChunks();
    await expect.poll(() => backlogOf(knowledgeBaseId), { timeout: 5000, interval: 20 }).toBe(false);
    finishIngestion();
    await ingestion;
  });
});
