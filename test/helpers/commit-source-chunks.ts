import { randomUUID } from 'node:crypto';
import type { NewStagedChunk } from '../../src/storage/repositories/knowledge-chunk-staging-repository.js';
import type { Store } from '../../src/storage/store.js';

/** A chunk to commit: its text and, for dense tests, its vector. */
export interface TestChunk {
  text: string;
  embedding?: Float32Array;
}

/**
 * What an ingestion job's commit does to a source, without the job: stage the chunks, then in one
 * transaction drop the source's old chunks, move the staged ones in and bump the knowledge base's
 * content version. For tests of what reads chunks (the in-process indexes).
 */
export async function commitSourceChunks(
  store: Store,
  knowledgeBaseId: string,
  sourceId: string,
  chunks: readonly TestChunk[],
  embeddingModel = 'test-model',
): Promise<{ removedIds: number[]; insertedIds: number[]; contentVersion: number }> {
  const run = { taskId: randomUUID(), attempt: 1 };
  const rows: NewStagedChunk[] = chunks.map((chunk, ordinal) => ({
    knowledgeBaseId,
    sourceKind: 'item',
    sourceId,
    sourceTitle: `Source ${sourceId}`,
    sourceUrl: null,
    ordinal,
    text: chunk.text,
    tokenCount: chunk.text.split(' ').length,
    location: '{}',
    embedding: chunk.embedding ?? new Float32Array(4),
    embeddingModel,
  }));
  await store.knowledgeChunkStaging.insert(run, rows);
  return store.transaction(async (repositories) => {
    const removedIds = await repositories.knowledgeChunks.deleteSource('item', sourceId);
    const moved = await repositories.knowledgeChunkStaging.moveRun(run, new Date().toISOString());
    await repositories.knowledgeChunkStaging.deleteRun(run);
    const contentVersion = await repositories.knowledgeBases.bumpContentVersion(knowledgeBaseId);
    return { removedIds, insertedIds: moved.map((chunk) => chunk.id), contentVersion };
  });
}
