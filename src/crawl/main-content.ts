import type { ExtractedDocument } from '../ingest/extracted-document.js';
import { extractHtml } from '../ingest/extractors/html-extractor.js';
import { extractText } from '../ingest/extractors/text-extractor.js';
import { IngestError } from '../ingest/ingest-error.js';
import type { PageFormat } from './page-body.js';
import type { PageFailure } from './page-failure.js';
import { readPageLinks, type PageLinks } from './page-links.js';

/** A fetched page made ready for ingestion, plus where it points for the crawler. */
export interface PageContent extends PageLinks {
  /** The page's main content as structured blocks, its title, and `url` set to the page. */
  document: ExtractedDocument;
}

/**
 * Reads a page's main content with the ingest library's HTML extractor (Readability over
 * linkedom, falling back to the body without navigation and footers when Readability finds no
 * article), so web pages and uploaded HTML files become the same blocks. Plain text is read as
 * paragraphs and has no links. A page that cannot be read comes back as an `unreadable` failure.
 */
export function readMainContent(url: string, format: PageFormat, body: string): PageContent | PageFailure {
  try {
    if (format === 'text') return { document: { ...extractText(body), url }, links: [] };
    return { document: { ...extractHtml(body), url }, ...readPageLinks(body, url) };
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return { reason: 'unreadable', message: error.message, isRetryable: false };
  }
}
