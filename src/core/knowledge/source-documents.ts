import { DocumentBuilder } from '../../ingest/document-builder.js';
import { extractDocument } from '../../ingest/extract-document.js';
import type { ExtractedDocument } from '../../ingest/extracted-document.js';
import type { BlobStorage } from '../../storage/blobs/blob-storage.js';
import type { KnowledgeItemRow } from '../../storage/repositories/knowledge-items-repository.js';
import type { KnowledgeSource } from './knowledge-source.js';
import type { FetchedLink, LinkFetcher } from './link-fetcher.js';

/** A source's content as a document, plus what was learned about a link while fetching it. */
export interface SourceDocument {
  document: ExtractedDocument;
  fetchedLink?: FetchedLink;
}

/** Turns any kind of source into the structured document the chunker takes. */
export class SourceDocuments {
  constructor(
    private readonly blobs: BlobStorage,
    private readonly fetchLink: LinkFetcher,
    private readonly maximumFileBytes: number,
  ) {}

  /** @throws IngestError when the content cannot be read (corrupt, unsupported, too large ...). */
  async read(source: KnowledgeSource, signal: AbortSignal): Promise<SourceDocument> {
    switch (source.kind) {
      case 'file': {
        const { blobKey, name } = source.row;
        const document = await this.blobs.withLocalFile(blobKey, (path) =>
          extractDocument({ path, name }, { maximumBytes: this.maximumFileBytes }),
        );
        return { document };
      }
      case 'item':
        return { document: itemDocument(source.row) };
      case 'link': {
        const fetchedLink = await this.fetchLink(source.row, signal);
        return { document: fetchedLink.document, fetchedLink };
      }
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
