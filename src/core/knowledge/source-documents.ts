import { chunkStreamOf, type ChunkStream } from '../../ingest/chunk-batches.js';
import type { ChunkOptions } from '../../ingest/chunker.js';
import { DocumentBuilder } from '../../ingest/document-builder.js';
import type { ExtractedDocument } from '../../ingest/extracted-document.js';
import { chunkDocumentIsolated } from '../../ingest/isolated-extraction.js';
import type { BlobStorage } from '../../storage/blobs/blob-storage.js';
import type { KnowledgeItemRow } from '../../storage/repositories/knowledge-items-repository.js';
import type { KnowledgeSource } from './knowledge-source.js';

/** The sources whose content is one document: uploads and typed-in items (links are crawled). */
export type DocumentSource = Exclude<KnowledgeSource, { kind: 'link' }>;

/** How to read a source: the knowledge base's chunking, and the job's signal. */
export interface ChunkReading {
  chunkOptions: Partial<ChunkOptions>;
  /** Let the worker that reads a file embed its chunks with the built-in model as well. */
  embedOffline: boolean;
  signal: AbortSignal;
}

/** Turns a file or an item into its chunks. */
export class SourceDocuments {
  constructor(
    private readonly blobs: BlobStorage,
    private readonly maximumFileBytes: number,
  ) {}

  /**
   * Runs `consume` on the source's chunks, which arrive in batches (a file's with their built-in
   * embeddings when `embedOffline` is set; an item's never). Uploads come from untrusted
   * users, so they are read, parsed and chunked in a resource-limited worker thread
   * (`chunkDocumentIsolated`): a file that would hang a parser or exhaust its heap stops that
   * thread, never the server. Aborting `signal` (the job's) stops the parse too. The file stays
   * available until `consume` has settled.
   *
   * @throws IngestError, while the chunks are read, when the content cannot be read (corrupt,
   *   unsupported, too large, too slow ...).
   */
  async withChunks<T>(source: DocumentSource, reading: ChunkReading, consume: (chunks: ChunkStream) => Promise<T>): Promise<T> {
    const { chunkOptions, embedOffline, signal } = reading;
    switch (source.kind) {
      case 'file': {
        const { blobKey, name } = source.row;
        const options = { maximumBytes: this.maximumFileBytes, signal, chunking: chunkOptions, embedOffline };
        return this.blobs.withLocalFile(blobKey, (path) => consume(chunkDocumentIsolated({ path, name }, options)));
      }
      case 'item':
        return consume(chunkStreamOf(itemDocument(source.row), chunkOptions));
    }
  }
}

/** A typed-in item as a document: its paragraphs, or one question/answer pair. */
export function itemDocument(item: KnowledgeItemRow): ExtractedDocument {
  const builder = new DocumentBuilder();
  if (item.kind === 'qa') builder.paragraph(`Question: ${item.question ?? ''}\nAnswer: ${item.answer ?? ''}`);
  else for (const paragraph of item.content.split(/\n\s*\n/)) builder.paragraph(paragraph);
  return { type: 'text', blocks: builder.blocks, ...(item.title ? { title: item.title } : {}) };
}
