import { readFile, stat } from 'node:fs/promises';
import { assertSafeArchive } from './archive-guard.js';
import { Deadline } from './deadline.js';
import { detectType, type FileContent } from './detect-type.js';
import type { Block, DocumentType, ExtractedDocument } from './extracted-document.js';
import { resolveExtractionOptions, type ExtractionOptions } from './extraction-options.js';
import { extractDocx } from './extractors/docx-extractor.js';
import { extractHtml } from './extractors/html-extractor.js';
import { readJson } from './extractors/json-stream.js';
import { extractPdf } from './extractors/pdf-extractor.js';
import { IngestError } from './ingest-error.js';
import { readCsv } from './spreadsheets/csv-extractor.js';
import type { SheetSummary } from './spreadsheets/sheet-summary.js';
import { extractXlsx } from './spreadsheets/xlsx-extractor.js';
import { markdownFileTitle, textFileBlocks } from './streaming/text-blocks.js';
import { decodeTextPieces } from './streaming/text-pieces.js';
import { decodeText } from './text-decoding.js';

interface DocumentSource {
  /** The page the content was fetched from; copied to the document and to every chunk's location. */
  url?: string;
  /** The uploader's file name: a title of last resort, never used to decide the type. */
  name?: string;
}

/**
 * An upload held in memory, or stored on disk. From a path, type detection reads only the head,
 * the archive guard reads only the central directory and streams entries, mammoth and exceljs
 * open the file themselves, and plain text, Markdown, CSV and JSON are streamed; PDF and HTML are
 * read whole, bounded by `maximumBytes`.
 */
export type DocumentInput = DocumentSource & ({ bytes: Buffer } | { path: string });

/** What is known of a document apart from its blocks. */
export type DocumentSummary = Omit<ExtractedDocument, 'blocks'>;

/**
 * A document whose blocks arrive in batches, in reading order. Everything but `sheets` is known
 * before the first block; `blocks` can be iterated once.
 */
export interface DocumentStream extends Omit<DocumentSummary, 'sheets'> {
  blocks: AsyncIterable<Block[]>;
  /** One summary per sheet, for spreadsheets and CSV files, once the blocks have been read. */
  sheets(): SheetSummary[] | undefined;
}

/** Blocks per batch of a document that was read whole. */
const wholeDocumentBatch = 512;

/**
 * Opens an uploaded file as a stream of blocks. The type comes from the content alone; then
 * size, archive and page/row limits are enforced before and during parsing, and every failure
 * is an `IngestError` whose message can be shown to the uploader (also those thrown while the
 * blocks are read). Plain text, Markdown, CSV and JSON are read a piece at a time, so their size
 * does not bound the memory they take; other formats are parsed whole first.
 *
 * @throws IngestError (including `UnsupportedFileError`) for any file that cannot be ingested.
 */
export async function openDocumentStream(input: DocumentInput, options: Partial<ExtractionOptions> = {}): Promise<DocumentStream> {
  const limits = resolveExtractionOptions(options);
  const content: FileContent = 'bytes' in input ? input.bytes : { path: input.path };
  const size = Buffer.isBuffer(content) ? content.length : (await stat(content.path)).size;
  if (size > limits.maximumBytes) {
    throw new IngestError('too-large', `The file is ${size} bytes, over the limit of ${limits.maximumBytes} bytes`);
  }
  const type = await detectType(content);
  const source = { ...(input.url ? { url: input.url } : {}) };
  if (type === 'text' || type === 'markdown') {
    const title = (type === 'markdown' ? await readable(type, markdownFileTitle(content)) : undefined) ?? input.name?.trim();
    return { type, ...(title ? { title } : {}), ...source, blocks: readableBlocks(type, textFileBlocks(content, type)), sheets: () => undefined };
  }
  if (type === 'csv' || type === 'json') {
    const text = () => decodeTextPieces(content);
    const csv = type === 'csv' ? await readable(type, readCsv(text, { maximumRows: limits.maximumRows, deadline: new Deadline(limits.timeoutMs) })) : undefined;
    const blocks = csv?.blocks ?? (await readable(type, readJson(text)));
    const title = input.name?.trim();
    return { type, ...(title ? { title } : {}), ...source, blocks: readableBlocks(type, blocks), sheets: () => csv?.sheets };
  }
  const document = await readable(type, extractByType(type, content, limits, new Deadline(limits.timeoutMs)));
  const title = document.title ?? input.name?.trim();
  const { blocks, sheets, ...summary } = document;
  return { ...summary, ...(title ? { title } : {}), ...source, blocks: inBatches(blocks), sheets: () => sheets };
}

/** Reads a whole stream into one document. */
export async function collectDocument(stream: DocumentStream): Promise<ExtractedDocument> {
  const { blocks: batches, sheets: sheetsOf, ...summary } = stream;
  const blocks: Block[] = [];
  for await (const batch of batches) for (const block of batch) blocks.push(block);
  const sheets = sheetsOf();
  return { ...summary, blocks, ...(sheets ? { sheets } : {}) };
}

/** A document's summary: the stream without its blocks. Call once the blocks are read. */
export function summaryOf(stream: DocumentStream): DocumentSummary {
  const { blocks: _blocks, sheets: sheetsOf, ...summary } = stream;
  const sheets = sheetsOf();
  return { ...summary, ...(sheets ? { sheets } : {}) };
}

async function* inBatches(blocks: readonly Block[]): AsyncGenerator<Block[]> {
  for (let start = 0; start < blocks.length; start += wholeDocumentBatch) yield blocks.slice(start, start + wholeDocumentBatch);
}

/** Any failure but an `IngestError` becomes "could not be read", as for a file parsed whole. */
async function readable<T>(type: DocumentType, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw asIngestError(type, error);
  }
}

async function* readableBlocks(type: DocumentType, blocks: AsyncIterable<Block[]>): AsyncGenerator<Block[]> {
  try {
    yield* blocks;
  } catch (error) {
    throw asIngestError(type, error);
  }
}

function asIngestError(type: DocumentType, error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  return new IngestError('corrupt', `The ${type.toUpperCase()} file could not be read`, { cause: error });
}

async function extractByType(type: Exclude<DocumentType, 'text' | 'markdown' | 'csv' | 'json'>, content: FileContent, limits: ExtractionOptions, deadline: Deadline): Promise<ExtractedDocument> {
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
    case 'html':
      return extractHtml(await text());
  }
}
