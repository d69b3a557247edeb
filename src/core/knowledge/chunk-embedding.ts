import { chunkDocument, type Chunk } from '../../ingest/chunker.js';
import type { ExtractedDocument } from '../../ingest/extracted-document.js';
import { embedTexts } from '../../search/embed-texts.js';
import type { KnowledgeBaseRow } from '../../storage/repositories/knowledge-bases-repository.js';
import type { NewKnowledgeChunk } from '../../storage/repositories/knowledge-chunks-repository.js';
import type { EmbeddingModels } from './embedding-models.js';
import { embeddingModelKey, settingsOf } from './knowledge-base.js';
import type { SourceKind } from './knowledge-source.js';

/** A document cut into chunks, each with its vector. */
export interface EmbeddedDocument {
  chunks: Chunk[];
  vectors: Float32Array[];
  /** The model the vectors come from ({@link embeddingModelKey}). */
  embeddingModel: string;
}

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

/** Chunks documents with a knowledge base's settings and embeds them with its model. */
export class ChunkEmbedding {
  constructor(private readonly embeddingModels: EmbeddingModels) {}

  /**
   * The chunks of every document, embedded in one batch across documents, so a crawl of many
   * small pages costs a few full provider requests instead of one per page. Deterministic: the
   * same documents under the same settings always give the same chunks.
   */
  async embed(knowledgeBase: KnowledgeBaseRow, documents: readonly ExtractedDocument[], signal: AbortSignal): Promise<EmbeddedDocument[]> {
    if (documents.length === 0) return [];
    const settings = settingsOf(knowledgeBase);
    const chunked = documents.map((document) =>
      chunkDocument(document, { chunkSize: settings.chunkSize, chunkOverlap: settings.chunkOverlap }),
    );
    const model = await this.embeddingModels.forSettings(knowledgeBase.ownerId, settings);
    const vectors = await embedTexts(model, chunked.flat().map((chunk) => chunk.text), { abortSignal: signal });
    const embeddingModel = embeddingModelKey(settings);
    let offset = 0;
    return chunked.map((chunks) => {
      const document = { chunks, vectors: vectors.slice(offset, offset + chunks.length), embeddingModel };
      offset += chunks.length;
      return document;
    });
  }
}

/** The rows that store an embedded document's chunks. */
export function toChunkRows(origin: ChunkOrigin, embedded: EmbeddedDocument, createdAt: string): NewKnowledgeChunk[] {
  return embedded.chunks.map((chunk, position) => ({
    ...origin,
    ordinal: chunk.ordinal,
    text: chunk.text,
    tokenCount: chunk.tokenCount,
    location: JSON.stringify(chunk.location),
    embedding: embedded.vectors[position]!,
    embeddingModel: embedded.embeddingModel,
    createdAt,
  }));
}
