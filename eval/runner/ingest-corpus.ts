import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { documentsDirectory } from '../dataset/documents.js';
import type { KnowledgeBaseClient, KnowledgeBaseView } from './knowledge-base-client.js';

/**
 * Creates a knowledge base and uploads every corpus document through the upload route, then
 * waits until every ingestion task has succeeded.
 */
export async function ingestCorpus(client: KnowledgeBaseClient, documents: readonly string[]): Promise<KnowledgeBaseView> {
  const knowledgeBase = await client.create('Tidewell evaluation corpus', 'The documents of `eval/documents/`');
  const taskIds: string[] = [];
  for (const document of documents) {
    const file = await client.upload(knowledgeBase.id, document, await readFile(join(documentsDirectory, document)));
    if (file.taskId === null) throw new Error(`Uploading ${document} started no ingestion task`);
    taskIds.push(file.taskId);
  }
  for (const taskId of taskIds) await client.waitForTask(taskId);
  return knowledgeBase;
}
