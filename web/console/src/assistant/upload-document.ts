import { api } from '../api/client.js';
import type { KnowledgeSource } from '../api/types.js';

const defaultKnowledgeBaseName = 'Documents';

/**
 * Adds a document to an assistant: into its first knowledge base, created when it has none.
 * Returns once the file is stored; ingesting it goes on in the background.
 */
export async function uploadDocument(chatbotId: string, file: File): Promise<KnowledgeSource> {
  const [existing] = await api.knowledge.list(chatbotId);
  const knowledgeBase = existing ?? (await api.knowledge.create(chatbotId, defaultKnowledgeBaseName));
  return api.knowledge.upload(knowledgeBase.id, file);
}

export const uploadUnavailable = 'Document upload is not available on this server yet.';
