import { DocumentBuilder } from '../../ingest/document-builder.js';
import type { ExtractedDocument } from '../../ingest/extracted-document.js';
import { extractDocumentIsolated } from '../../ingest/isolated-extraction.js';
import type { BlobStorage } from '../../storage/blobs/blob-storage.js';
import type { KnowledgeItemRow } from '../../storage/repositories/knowledge-items-repository.js';
import type { KnowledgeSource } from './knowledge-source.js';

/** The sources whose content is one document: uploads and typed-in items (links are crawled). */
export type DocumentSource = Exclude<KnowledgeSource, { kind: 'link' }>;

/** Turns a file or an item into the structured document the chunker takes. */
export class SourceDocuments {
  constructor(
    private readonly blobs: BlobStorage,
    private readonly maximumFileBytes: number,
  ) {}

  /**
   * Uploads come from untrusted users, so they are parsed in a resource-limited worker thread
   * (`extractDocumentIsolated`): a file that would hang a parser or exhaust its heap stops that
   * thread, never the server. Aborting `signal` (the job's) stops the parse too.
   *
   * @throws IngestError when the content cannot be read (corrupt, unsupported, too large, too slow ...).
   */
  async read(source: DocumentSource, signal: AbortSignal): Promise<ExtractedDocument> {
    switch (source.kind) {
      case 'file': {
        const { blobKey, name } = source.row;
        return this.blobs.withLocalFile(blobKey, (path) =>
          extractDocumentIsolated({ path, name }, { maximumBytes: this.maximumFileBytes, signal }),
        );
      }
      case 'item':
        return itemDocument(source.row);
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
