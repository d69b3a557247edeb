import { DocumentChunker, type Chunk, type ChunkOptions } from './chunker.js';
import type { DocumentStream, DocumentSummary } from './document-stream.js';
import type { ExtractedDocument } from './extracted-document.js';

/** When a batch of chunks is handed on: whichever limit is reached first. */
export interface ChunkBatchLimits {
  chunks: number;
  /** Characters of chunk text. */
  characters: number;
}

/**
 * A few hundred chunks: enough that per-batch costs (a provider request, a database round trip,
 * a thread message) vanish, small enough that a batch is embedded and written in tens of
 * milliseconds, so the event loop is never held long.
 */
export const defaultChunkBatchLimits: ChunkBatchLimits = { chunks: 256, characters: 1_000_000 };

/** Consecutive chunks of a document, with their built-in embeddings when the reader made them. */
export interface ChunkBatch {
  chunks: Chunk[];
  /** One vector per chunk, from the built-in embedding model; absent when the caller embeds. */
  vectors?: Float32Array[];
}

/**
 * A document's chunks in batches, in order, to be iterated once and to its end; then `document`
 * says what the document was (its type, title, pages, sheets).
 */
export interface ChunkStream extends AsyncIterable<ChunkBatch> {
  readonly document: DocumentSummary;
}

/** The chunk batches of a document already in memory (a typed-in item, a fetched page). */
export function chunkStreamOf(document: ExtractedDocument, options: Partial<ChunkOptions> = {}, limits = defaultChunkBatchLimits): ChunkStream {
  const { blocks, sheets, ...summary } = document;
  const stream: DocumentStream = {
    ...summary,
    blocks: (async function* () {
      yield blocks;
    })(),
    sheets: () => sheets,
  };
  return {
    document: { ...summary, ...(sheets ? { sheets } : {}) },
    [Symbol.asyncIterator]: async function* () {
      for await (const chunks of chunkBatches(stream, options, limits)) yield { chunks };
    },
  };
}

/**
 * Chunks a document as its blocks arrive (see {@link DocumentChunker}) and hands the chunks on in
 * batches, in order: a document of any size passes through holding one batch and the chunk
 * being filled.
 */
export async function* chunkBatches(
  stream: DocumentStream,
  options: Partial<ChunkOptions> = {},
  limits: ChunkBatchLimits = defaultChunkBatchLimits,
): AsyncGenerator<Chunk[]> {
  const chunker = new DocumentChunker(stream, options);
  const batcher = new Batcher(limits);
  for await (const blocks of stream.blocks) {
    for (const block of blocks) yield* batcher.add(chunker.push(block));
  }
  yield* batcher.add(chunker.finish());
  yield* batcher.rest();
}

/** Collects chunks into batches, each handed on the moment it reaches a limit. */
class Batcher {
  #batch: Chunk[] = [];
  #characters = 0;

  constructor(private readonly limits: ChunkBatchLimits) {}

  *add(chunks: readonly Chunk[]): Generator<Chunk[]> {
    for (const chunk of chunks) {
      this.#batch.push(chunk);
      this.#characters += chunk.text.length;
      if (this.#batch.length >= this.limits.chunks || this.#characters >= this.limits.characters) yield* this.rest();
    }
  }

  *rest(): Generator<Chunk[]> {
    if (this.#batch.length === 0) return;
    const batch = this.#batch;
    this.#batch = [];
    this.#characters = 0;
    yield batch;
  }
}
