import { createHash, randomUUID } from 'node:crypto';
import type { KnowledgeItemRow } from '../../storage/repositories/knowledge-items-repository.js';
import type { Store } from '../../storage/store.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { IngestionScheduler } from './ingestion-scheduler.js';
import { toKnowledgeItem, type KnowledgeItem } from './knowledge-views.js';
import { requireKnowledgeBase } from './owned-knowledge-base.js';
import type { SourceRemoval } from './source-removal.js';

/** A typed-in item: free text (`content`), or a question with its answer. */
export interface KnowledgeItemInput {
  type: 'text' | 'qa';
  title?: string | undefined;
  content?: string | undefined;
  question?: string | undefined;
  answer?: string | undefined;
}

export type KnowledgeItemPatch = Partial<KnowledgeItemInput>;

interface ItemContent {
  kind: 'text' | 'qa';
  title: string;
  content: string;
  question: string | null;
  answer: string | null;
}

/**
 * Knowledge items (seed 004): text and question/answer pairs typed in by the owner, indexed in
 * the background like files. Editing an item's content re-indexes it; editing nothing does not.
 */
export class KnowledgeItemService {
  constructor(
    private readonly store: Store,
    private readonly scheduler: IngestionScheduler,
    private readonly removal: SourceRemoval,
  ) {}

  async list(ownerId: string, knowledgeBaseId: string): Promise<KnowledgeItem[]> {
    await requireKnowledgeBase(this.store, ownerId, knowledgeBaseId);
    return (await this.store.knowledgeItems.listOwned(knowledgeBaseId, ownerId)).map(toKnowledgeItem);
  }

  async get(ownerId: string, knowledgeBaseId: string, itemId: string): Promise<KnowledgeItem> {
    return toKnowledgeItem(await this.findItem(ownerId, knowledgeBaseId, itemId));
  }

  async create(ownerId: string, knowledgeBaseId: string, input: KnowledgeItemInput): Promise<KnowledgeItem> {
    const knowledgeBase = await requireKnowledgeBase(this.store, ownerId, knowledgeBaseId);
    const content = completeItem(input);
    const now = new Date().toISOString();
    const row = await this.store.knowledgeItems.insert({
      id: randomUUID(),
      knowledgeBaseId,
      ...content,
      contentHash: hashOf(content),
      status: 'PENDING',
      failureReason: null,
      taskId: null,
      chunkCount: 0,
      createdAt: now,
      updatedAt: now,
    });
    await this.scheduler.schedule(knowledgeBase, { kind: 'item', row });
    return this.get(ownerId, knowledgeBaseId, row.id);
  }

  async update(ownerId: string, knowledgeBaseId: string, itemId: string, patch: KnowledgeItemPatch): Promise<KnowledgeItem> {
    const knowledgeBase = await requireKnowledgeBase(this.store, ownerId, knowledgeBaseId);
    const item = await this.findItem(ownerId, knowledgeBaseId, itemId);
    const content = completeItem({
      type: patch.type ?? item.kind,
      title: patch.title ?? item.title,
      content: patch.content ?? item.content,
      question: patch.question ?? item.question ?? undefined,
      answer: patch.answer ?? item.answer ?? undefined,
    });
    const contentHash = hashOf(content);
    if (contentHash === item.contentHash) return toKnowledgeItem(item);
    const row = await this.store.knowledgeItems.updateOwned(knowledgeBaseId, itemId, ownerId, {
      ...content,
      contentHash,
      updatedAt: new Date().toISOString(),
    });
    if (!row) throw new NotFoundError('Knowledge item');
    await this.scheduler.schedule(knowledgeBase, { kind: 'item', row });
    return this.get(ownerId, knowledgeBaseId, itemId);
  }

  async delete(ownerId: string, knowledgeBaseId: string, itemId: string): Promise<void> {
    await this.removal.remove(ownerId, knowledgeBaseId, 'item', itemId);
  }

  private async findItem(ownerId: string, knowledgeBaseId: string, itemId: string): Promise<KnowledgeItemRow> {
    const item = await this.store.knowledgeItems.findOwned(knowledgeBaseId, itemId, ownerId);
    if (!item) throw new NotFoundError('Knowledge item');
    return item;
  }
}

/** @throws ValidationError when a text item has no content or a Q&A item lacks its question or answer. */
function completeItem(input: KnowledgeItemInput): ItemContent {
  const title = input.title?.trim() ?? '';
  if (input.type === 'text') {
    const content = input.content?.trim() ?? '';
    if (!content) throw new ValidationError('content is required for a text item');
    return { kind: 'text', title, content, question: null, answer: null };
  }
  const question = input.question?.trim() ?? '';
  const answer = input.answer?.trim() ?? '';
  if (!question || !answer) throw new ValidationError('question and answer are required for a qa item');
  return { kind: 'qa', title, content: '', question, answer };
}

function hashOf(content: ItemContent): string {
  const canonical = JSON.stringify([content.kind, content.title, content.content, content.question, content.answer]);
  return createHash('sha256').update(canonical).digest('hex');
}
