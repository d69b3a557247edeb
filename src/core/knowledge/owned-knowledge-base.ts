import type { KnowledgeBaseWithCounts } from '../../storage/repositories/knowledge-bases-repository.js';
import type { Repositories } from '../../storage/store.js';
import { NotFoundError } from '../errors.js';

/** The owner's knowledge base, or the same 404 whether it belongs to someone else or never existed. */
export async function requireKnowledgeBase(
  repositories: Repositories,
  ownerId: string,
  id: string,
): Promise<KnowledgeBaseWithCounts> {
  const knowledgeBase = await repositories.knowledgeBases.findOwned(id, ownerId);
  if (!knowledgeBase) throw new NotFoundError('Knowledge base');
  return knowledgeBase;
}
