import { collectDocument, openDocumentStream, type DocumentInput } from './document-stream.js';
import type { ExtractedDocument } from './extracted-document.js';
import type { ExtractionOptions } from './extraction-options.js';

export type { DocumentInput } from './document-stream.js';

/**
 * Turns an uploaded file into structured text, whole (see {@link openDocumentStream} to read it
 * as a stream). The type comes from the content alone; then size, archive and page/row limits
 * are enforced before and during parsing, and every failure is an `IngestError` whose message
 * can be shown to the uploader.
 *
 * @throws IngestError (including `UnsupportedFileError`) for any file that cannot be ingested.
 */
export async function extractDocument(input: DocumentInput, options: Partial<ExtractionOptions> = {}): Promise<ExtractedDocument> {
  return collectDocument(await openDocumentStream(input, options));
}
