import { getDocumentProxy } from 'unpdf';
import type { Deadline } from '../deadline.js';
import { DocumentBuilder } from '../document-builder.js';
import type { ExtractedDocument } from '../extracted-document.js';
import { IngestError } from '../ingest-error.js';
import { layoutPages, linesOfPage, type PdfLine, type PdfTextItem } from './pdf-layout.js';

export interface PdfLimits {
  maximumPages: number;
  deadline: Deadline;
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/**
 * Reads a PDF's text layer page by page with unpdf (pdf.js), keeping page numbers on every
 * block and recovering headings from font sizes. A file over the page limit is refused before
 * any page is read. Scanned pages without a text layer yield no blocks: there is no OCR here.
 *
 * pdf.js runs on the calling thread; the deadline is checked between pages and races each
 * page, and the document is destroyed when the budget runs out.
 */
export async function extractPdf(bytes: Uint8Array, limits: PdfLimits): Promise<ExtractedDocument> {
  // pdf.js may detach the buffer it is given, so it gets a private copy.
  const document = await limits.deadline.race(openPdf(new Uint8Array(bytes)));
  try {
    if (document.numPages > limits.maximumPages) {
      throw new IngestError('too-many-pages', `The PDF has ${document.numPages} pages (limit ${limits.maximumPages})`);
    }
    const pages: PdfLine[][] = [];
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
      limits.deadline.check();
      pages.push(await limits.deadline.race(readPageLines(document, pageNumber)));
    }
    const builder = new DocumentBuilder();
    layoutPages(pages, builder);
    const title = await readTitle(document);
    return { type: 'pdf', ...(title ? { title } : {}), pageCount: document.numPages, blocks: builder.blocks };
  } catch (error) {
    throw asIngestError(error);
  } finally {
    await document.destroy();
  }
}

async function openPdf(data: Uint8Array): Promise<PdfDocument> {
  try {
    return await getDocumentProxy(data, { verbosity: 0, stopAtErrors: false });
  } catch (error) {
    throw asIngestError(error);
  }
}

async function readPageLines(document: PdfDocument, pageNumber: number): Promise<PdfLine[]> {
  const page = await document.getPage(pageNumber);
  try {
    const content = await page.getTextContent();
    const items = content.items.filter((item): item is PdfTextItem & (typeof content.items)[number] => 'str' in item);
    return linesOfPage(items);
  } finally {
    page.cleanup();
  }
}

async function readTitle(document: PdfDocument): Promise<string | undefined> {
  const metadata = await document.getMetadata().catch(() => undefined);
  const info: unknown = metadata?.info;
  const title = info !== null && typeof info === 'object' && 'Title' in info ? info.Title : undefined;
  return typeof title === 'string' && title.trim() !== '' ? title.trim() : undefined;
}

function asIngestError(error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new IngestError('encrypted', 'The PDF is encrypted with a password; upload an unprotected copy', { cause: error });
  }
  const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
  return new IngestError('corrupt', `The PDF is corrupt and could not be read${detail}`, { cause: error });
}
