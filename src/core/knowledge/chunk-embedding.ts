import type { EmbeddingModelV3 } from '@ai-sdk/provider';
import type { Chunk, ChunkOptions } from '../../ingest/chunker.js';
import { embedTexts } from '../../search/embed-texts.js';
import type { KnowledgeBaseRow } from '../../storage/repositories/knowledge-bases-repository.js';
import type { NewStagedChunk } from '../../storage/repositories/knowledge-chunk-staging-repository.js';
import type { EmbeddingModels } from './embedding-models.js';
import { embeddingModelKey, settingsOf } from './knowledge-base.js';
import type { SourceKind } from './knowledge-source.js';

/** What every chunk of one document says about where it comes from. */
export interface ChunkOrigin {
  knowledgeBaseId: string;
  sourceKind: SourceKind;
  sourceId: string;
  /** The name a citation shows. */
  sourceTitle: string;
  /** The page the chunk was read from, for links; citations link to it. */
  sourceUrl: string | null;
}

/** A knowledge base's way from content to stored vectors: how it chunks, and its embedding model. */
export interface ChunkEmbedder {
  /** The model the vectors come from ({@link embeddingModelKey}), stored with every chunk. */
  modelKey: string;
  /** Whether it is the built-in model, which the reader of a file can run on its own thread. */
  offline: boolean;
  chunkOptions: Pick<ChunkOptions, 'chunkSize' | 'chunkOverlap'>;
  /** One vector per chunk, in order. @throws RetrievalProviderError when a provider fails. */
  embed(chunks: readonly Chunk[], signal: AbortSignal): Promise<Float32Array[]>;
}

/** Resolves a knowledge base's chunking settings and embedding model once per job. */
export class ChunkEmbedding {
  constructor(private readonly embeddingModels: EmbeddingModels) {}

  /**
   * Batches are embedded as they come: the built-in model straight into Float32Arrays, a
   * provider's in requests of its own batch size (see `embedTexts`). The model is resolved on
   * the first batch, so a link sync that found nothing new never needs it. Deterministic: the
   * same chunks under the same settings always get the same vectors from the built-in model.
   */
  forKnowledgeBase(knowledgeBase: KnowledgeBaseRow): ChunkEmbedder {
    const settings = settingsOf(knowledgeBase);
    let model: Promise<EmbeddingModelV3> | undefined;
    return {
      modelKey: embeddingModelKey(settings),
      offline: settings.embeddingType !== 'provider' || !settings.embeddingModel,
      chunkOptions: { chunkSize: settings.chunkSize, chunkOverlap: settings.chunkOverlap },
      embed: async (chunks, signal) => {
        model ??= this.embeddingModels.forSettings(knowledgeBase.ownerId, settings);
        return embedTexts(await model, chunks.map((chunk) => chunk.text), { abortSignal: signal });
      },
    };
  }
}

/** The staging rows of a batch of chunks with their origins and vectors. */
export function toStagedChunks(
  batch: readonly { origin: ChunkOrigin; chunk: Chunk }[],
  vectors: readonly Float32Array[],
  modelKey: string,
): NewStagedChunk[] {
  return batch.map(({ origin, chunk }, position) => ({
    ...origin,
    ordinal: chunk.ordinal,
    text: chunk.text,
    tokenCount: chunk.tokenCount,
    location: JSON.stringify(chunk.location),
    embedding: vectors[position]!,
    embeddingModel: modelKey,
  }));
}
