import { offlineEmbeddingModelId } from '../../search/offline-embedding-model.js';
import type { KnowledgeBaseRow, KnowledgeBaseWithCounts } from '../../storage/repositories/knowledge-bases-repository.js';
import type { KnowledgeBasesTable } from '../../storage/schema.js';
import { ValidationError } from '../errors.js';

export type RetrievalMethod = 'dense' | 'sparse' | 'hybrid';
export const retrievalMethods: readonly RetrievalMethod[] = ['dense', 'sparse', 'hybrid'];

/** An embedding model served by one of the user's LLM providers (OpenAI or OpenAI-compatible). */
export interface EmbeddingModelReference {
  providerId: string;
  name: string;
}

/** How a knowledge base is chunked, embedded and searched (seed 003 #36). */
export interface KnowledgeBaseSettings {
  /** `offline`: the built-in embedder; `provider`: `embeddingModel` on one of the user's providers. */
  embeddingType: 'offline' | 'provider';
  embeddingModel: EmbeddingModelReference | null;
  /** Largest chunk, in tokens. */
  chunkSize: number;
  /** Tokens repeated from the end of the previous chunk; less than half of `chunkSize`. */
  chunkOverlap: number;
  retrievalMethod: RetrievalMethod;
  /** Weight of full-text scores in hybrid retrieval (dense gets the rest). */
  sparseWeightage: number;
  /** Passages retrieved per question. */
  topK: number;
  rerankingEnabled: boolean;
  /** Passages kept after reranking; at most `topK` when reranking is enabled. */
  topKAfterReranking: number;
  /** Seconds between re-syncs of links; 0 never re-syncs. */
  updateInterval: number;
}

export const defaultKnowledgeBaseSettings: KnowledgeBaseSettings = {
  embeddingType: 'offline',
  embeddingModel: null,
  chunkSize: 512,
  chunkOverlap: 32,
  retrievalMethod: 'hybrid',
  sparseWeightage: 0.5,
  topK: 5,
  rerankingEnabled: false,
  topKAfterReranking: 3,
  updateInterval: 3600,
};

export interface KnowledgeBase extends KnowledgeBaseSettings {
  id: string;
  name: string;
  description: string;
  filesCount: number;
  spreadsheetsCount: number;
  linksCount: number;
  itemsCount: number;
  createdAt: string;
  updatedAt: string;
}

/** The columns that hold a knowledge base's settings. */
export type SettingsColumns = Omit<
  KnowledgeBasesTable,
  'id' | 'ownerId' | 'name' | 'description' | 'settingsVersion' | 'contentVersion' | 'createdAt' | 'updatedAt'
>;

export type KnowledgeBaseInput = Partial<KnowledgeBaseSettings> & { name: string; description?: string | undefined };
export type KnowledgeBasePatch = Partial<KnowledgeBaseSettings> & { name?: string | undefined; description?: string | undefined };

/** The settings of a row, as the rest of the code reads them. */
export function settingsOf(row: KnowledgeBaseRow): KnowledgeBaseSettings {
  return {
    embeddingType: row.embeddingType,
    embeddingModel:
      row.embeddingType === 'provider' && row.embeddingProviderId && row.embeddingModel
        ? { providerId: row.embeddingProviderId, name: row.embeddingModel }
        : null,
    chunkSize: row.chunkSize,
    chunkOverlap: row.chunkOverlap,
    retrievalMethod: row.retrievalMethod,
    sparseWeightage: row.sparseWeightage,
    topK: row.topK,
    rerankingEnabled: row.rerankingEnabled === 1,
    topKAfterReranking: row.rerankTopK,
    updateInterval: row.updateInterval,
  };
}

export function toKnowledgeBase(row: KnowledgeBaseWithCounts): KnowledgeBase {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ...settingsOf(row),
    filesCount: Number(row.filesCount),
    spreadsheetsCount: Number(row.spreadsheetsCount),
    linksCount: Number(row.linksCount),
    itemsCount: Number(row.itemsCount),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Checks rules that span fields (the schema checks each field alone) and returns the columns.
 * @throws ValidationError naming the offending field.
 */
export function toSettingsColumns(settings: KnowledgeBaseSettings): SettingsColumns {
  if (settings.chunkOverlap * 2 >= settings.chunkSize) {
    throw new ValidationError('chunkOverlap must be less than half of chunkSize');
  }
  if (settings.rerankingEnabled && settings.topKAfterReranking > settings.topK) {
    throw new ValidationError('topKAfterReranking must not be greater than topK when reranking is enabled');
  }
  if (settings.embeddingType === 'provider' && !settings.embeddingModel) {
    throw new ValidationError('embeddingModel is required when embeddingType is "provider"');
  }
  const model = settings.embeddingType === 'provider' ? settings.embeddingModel : null;
  return {
    embeddingType: settings.embeddingType,
    embeddingProviderId: model?.providerId ?? null,
    embeddingModel: model?.name ?? null,
    chunkSize: settings.chunkSize,
    chunkOverlap: settings.chunkOverlap,
    retrievalMethod: settings.retrievalMethod,
    sparseWeightage: settings.sparseWeightage,
    topK: settings.topK,
    rerankingEnabled: settings.rerankingEnabled ? 1 : 0,
    rerankTopK: settings.topKAfterReranking,
    updateInterval: settings.updateInterval,
  };
}

/** Whether going from `before` to `after` changes what the chunks or their vectors are. */
export function changesChunks(before: KnowledgeBaseSettings, after: KnowledgeBaseSettings): boolean {
  return (
    before.chunkSize !== after.chunkSize ||
    before.chunkOverlap !== after.chunkOverlap ||
    embeddingModelKey(before) !== embeddingModelKey(after)
  );
}

/**
 * Names the vectors a knowledge base's settings produce; stored on every chunk so a dense index
 * only ever loads vectors of the model the knowledge base uses now.
 */
export function embeddingModelKey(settings: Pick<KnowledgeBaseSettings, 'embeddingType' | 'embeddingModel'>): string {
  const model = settings.embeddingType === 'provider' ? settings.embeddingModel : null;
  return model ? `provider:${model.providerId}:${model.name}` : `offline:${offlineEmbeddingModelId}`;
}
