import { readFile, stat } from 'node:fs/promises';
import { assertSafeArchive } from './archive-guard.js';
import { Deadline } from './deadline.js';
import { detectType, type FileContent } from './detect-type.js';
import type { DocumentType, ExtractedDocument } from './extracted-document.js';
import { resolveExtractionOptions, type ExtractionOptions } from './extraction-options.js';
import { extractDocx } from './extractors/docx-extractor.js';
import { extractHtml } from './extractors/html-extractor.js';
import { extractJson } from './extractors/json-extractor.js';
import { extractMarkdown } from './extractors/markdown-extractor.js';
import { extractPdf } from './extractors/pdf-extractor.js';
import { extractText } from './extractors/text-extractor.js';
import { IngestError } from './ingest-error.js';
import { extractCsv } from './spreadsheets/csv-extractor.js';
import { extractXlsx } from './spreadsheets/xlsx-extractor.js';
import { decodeText } from './text-decoding.js';

interface DocumentSource {
  /** The page the content was fetched from; copied to the document and to every chunk's location. */
  url?: string;
  /** The uploader's file name: a title of last resort, never used to decide the type. */
  name?: string;
}

/**
 * An upload held in memory, or stored on disk. From a path, type detection reads only the head,
 * the archive guard reads only the central directory and streams entries, and mammoth and exceljs
 * open the file themselves; PDF and text formats are read whole, bounded by `maximumBytes`.
 */
export type DocumentInput = DocumentSource & ({ bytes: Buffer } | { path: string });

/**
 * Turns an uploaded file into structured text. The type comes from the content alone; then
 * size, archive and page/row limits are enforced before and during parsing, and every failure
 * is an `IngestError` whose message can be shown to the uploader.
 *
 * @throws IngestError (including `UnsupportedFileError`) for any file that cannot be ingested.
 */
export async function extractDocument(
  input: DocumentInput,
  options: Partial<ExtractionOptions> = {},
): Promise<ExtractedDocument> {
  const limits = resolveExtractionOptions(options);
  const content: FileContent = 'bytes' in input ? input.bytes : { path: input.path };
  const size = Buffer.isBuffer(content) ? content.length : (await stat(content.path)).size;
  if (size > limits.maximumBytes) {
    throw new IngestError('too-large', `The file is ${size} bytes, over the limit of ${limits.maximumBytes} bytes`);
  }
  const type = await detectType(content);
  const deadline = new Deadline(limits.timeoutMs);
  let document: ExtractedDocument;
  try {
    document = await extractByType(type, content, limits, deadline);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('corrupt', `The ${type.toUpperCase()} file could not be read`, { cause: error });
  }
  const title = document.title ?? input.name?.trim();
  return { ...document, ...(title ? { title } : {}), ...(input.url ? { url: input.url } : {}) };
}

async function extractByType(
  type: DocumentType,
  content: FileContent,
  limits: ExtractionOptions,
  deadline: Deadline,
): Promise<ExtractedDocument> {
  const bytes = async (): Promise<Buffer> => (Buffer.isBuffer(content) ? content : await readFile(content.path));
  const text = async (): Promise<string> => decodeText(await bytes());
  switch (type) {
    case 'pdf':
      return extractPdf(await bytes(), { maximumPages: limits.maximumPages, deadline });
    case 'docx':
      await deadline.race(assertSafeArchive(content, limits.archive));
      return deadline.race(extractDocx(content));
    case 'xlsx':
      await deadline.race(assertSafeArchive(content, limits.archive));
      return extractXlsx(content, { maximumRows: limits.maximumRows, deadline });
    case 'csv':
      return extractCsv(await text(), { maximumRows: limits.maximumRows, deadline });
    case 'html':
      return extractHtml(await text());
    case 'markdown':
      return extractMarkdown(await text());
    case 'json':
      return extractJson(await text());
    case 'text':
      return extractText(await text());
  }
}
