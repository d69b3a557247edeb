import { randomUUID } from 'node:crypto';
import type { BlobStorage } from '../../storage/blobs/blob-storage.js';
import type { Page, PageRequest } from '../../storage/pagination.js';
import type { KnowledgeBaseRow } from '../../storage/repositories/knowledge-bases-repository.js';
import type { Repositories, Store } from '../../storage/store.js';
import { NotFoundError } from '../errors.js';
import type { EmbeddingModels } from './embedding-models.js';
import type { IngestionScheduler } from './ingestion-scheduler.js';
import {
  changesChunks,
  defaultKnowledgeBaseSettings,
  settingsOf,
  toKnowledgeBase,
  toSettingsColumns,
  type KnowledgeBase,
  type KnowledgeBaseInput,
  type KnowledgeBasePatch,
  type KnowledgeBaseSettings,
} from './knowledge-base.js';
import { requireKnowledgeBase } from './owned-knowledge-base.js';

/**
 * A user's knowledge bases and their attachment to that user's chatbots. Changing how a
 * knowledge base is chunked or embedded re-processes all its sources in the background: the
 * settings version goes up and every source turns PENDING in the same transaction, then a
 * reindex job gives each its new job.
 */
export class KnowledgeBaseService {
  constructor(
    private readonly store: Store,
    private readonly blobs: BlobStorage,
    private readonly scheduler: IngestionScheduler,
    private readonly embeddingModels: EmbeddingModels,
    /** The in-process indexes (dense, sparse) that must drop a deleted knowledge base. */
    private readonly indexes: readonly { forget(knowledgeBaseId: string): void }[],
  ) {}

  async list(ownerId: string, request: PageRequest): Promise<Page<KnowledgeBase>> {
    const page = await this.store.knowledgeBases.listOwned(ownerId, request);
    return { items: page.items.map(toKnowledgeBase), total: page.total };
  }

  async get(ownerId: string, id: string): Promise<KnowledgeBase> {
    return toKnowledgeBase(await requireKnowledgeBase(this.store, ownerId, id));
  }

  async create(ownerId: string, input: KnowledgeBaseInput): Promise<KnowledgeBase> {
    const settings = await this.checkedSettings(ownerId, { ...defaultKnowledgeBaseSettings, ...definedFields(input) });
    const row = await this.insert(this.store, ownerId, input, settings);
    return this.get(ownerId, row.id);
  }

  async update(ownerId: string, id: string, patch: KnowledgeBasePatch): Promise<KnowledgeBase> {
    const current = await requireKnowledgeBase(this.store, ownerId, id);
    const before = settingsOf(current);
    const after = await this.checkedSettings(ownerId, { ...before, ...definedFields(patch) });
    const reprocess = changesChunks(before, after);
    const now = new Date().toISOString();
    const updated = await this.store.transaction(async (repositories) => {
      const row = await repositories.knowledgeBases.updateOwned(id, ownerId, {
        ...(patch.name !== undefined && { name: patch.name.trim() }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...toSettingsColumns(after),
        ...(reprocess && { settingsVersion: current.settingsVersion + 1 }),
        updatedAt: now,
      });
      if (!row) throw new NotFoundError('Knowledge base');
      if (reprocess) await repositories.knowledgeSources.markKnowledgeBasePending(id, now);
      return row;
    });
    if (reprocess) await this.scheduler.scheduleReindex(updated);
    return this.get(ownerId, id);
  }

  /** Deletes the knowledge base with its sources, chunks and blobs; chatbots simply lose it. */
  async delete(ownerId: string, id: string): Promise<void> {
    const blobKeys = await this.store.transaction(async (repositories) => {
      await requireKnowledgeBase(repositories, ownerId, id);
      const files = await repositories.knowledgeFiles.listByKnowledgeBase(id);
      await repositories.knowledgeChunks.deleteKnowledgeBase(id);
      if (!(await repositories.knowledgeBases.deleteOwned(id, ownerId))) throw new NotFoundError('Knowledge base');
      return files.map((file) => file.blobKey);
    });
    for (const index of this.indexes) index.forget(id);
    for (const key of blobKeys) await this.blobs.delete(key);
  }

  async listForChatbot(ownerId: string, chatbotId: string): Promise<KnowledgeBase[]> {
    await this.requireChatbot(this.store, ownerId, chatbotId);
    return (await this.store.knowledgeBases.listAttachedOwned(chatbotId, ownerId)).map(toKnowledgeBase);
  }

  /** Creates a knowledge base already attached to the chatbot. */
  async createForChatbot(ownerId: string, chatbotId: string, input: KnowledgeBaseInput): Promise<KnowledgeBase> {
    const settings = await this.checkedSettings(ownerId, { ...defaultKnowledgeBaseSettings, ...definedFields(input) });
    const row = await this.store.transaction(async (repositories) => {
      await this.requireChatbot(repositories, ownerId, chatbotId);
      const created = await this.insert(repositories, ownerId, input, settings);
      await repositories.knowledgeBases.attach(chatbotId, created.id, created.createdAt);
      return created;
    });
    return this.get(ownerId, row.id);
  }

  /** Attaches one of the owner's knowledge bases to one of the owner's chatbots; attaching twice is harmless. */
  async attach(ownerId: string, chatbotId: string, id: string): Promise<KnowledgeBase> {
    await this.requireChatbot(this.store, ownerId, chatbotId);
    const knowledgeBase = await requireKnowledgeBase(this.store, ownerId, id);
    await this.store.knowledgeBases.attach(chatbotId, id, new Date().toISOString());
    return toKnowledgeBase(knowledgeBase);
  }

  async detach(ownerId: string, chatbotId: string, id: string): Promise<void> {
    await this.requireChatbot(this.store, ownerId, chatbotId);
    await requireKnowledgeBase(this.store, ownerId, id);
    if (!(await this.store.knowledgeBases.detach(chatbotId, id))) throw new NotFoundError('Knowledge base');
  }

  private async insert(
    repositories: Repositories,
    ownerId: string,
    input: KnowledgeBaseInput,
    settings: KnowledgeBaseSettings,
  ): Promise<KnowledgeBaseRow> {
    const now = new Date().toISOString();
    return repositories.knowledgeBases.insert({
      id: randomUUID(),
      ownerId,
      name: input.name.trim(),
      description: input.description ?? '',
      ...toSettingsColumns(settings),
      settingsVersion: 1,
      contentVersion: 0,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** Cross-field rules, and a provider embedding model the owner can actually use. */
  private async checkedSettings(ownerId: string, settings: KnowledgeBaseSettings): Promise<KnowledgeBaseSettings> {
    toSettingsColumns(settings);
    await this.embeddingModels.forSettings(ownerId, settings);
    return settings;
  }

  private async requireChatbot(repositories: Repositories, ownerId: string, chatbotId: string): Promise<void> {
    if (!(await repositories.chatbots.findOwned(chatbotId, ownerId))) throw new NotFoundError('Chatbot');
  }
}

const settingNames = new Set(Object.keys(defaultKnowledgeBaseSettings));

/** The settings a request actually set (leaving out `undefined` keeps defaults and current values). */
function definedFields(input: Partial<KnowledgeBaseSettings>): Partial<KnowledgeBaseSettings> {
  const entries = Object.entries(input).filter(([name, value]) => settingNames.has(name) && value !== undefined);
  return Object.fromEntries(entries) as Partial<KnowledgeBaseSettings>;
}
