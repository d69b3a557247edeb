import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DocumentBuilder, normalizeInlineText } from '../document-builder.js';
import type { ExtractedDocument } from '../extracted-document.js';
import { IngestError } from '../ingest-error.js';
import { collectHtmlBlocks } from './html-blocks.js';
import type { HtmlDocument, HtmlElement } from './html-dom.js';

/** Readability gives up on pages with more elements than this instead of scoring them all. */
const maximumElementsToParse = 250_000;

/**
 * Reads a web page's main content. Readability strips navigation, sidebars and footers; when it
 * finds no article at all the whole body is read instead. Either way, elements that are page
 * furniture by definition (`nav`, `footer`, `aside`, forms) are skipped.
 */
export function extractHtml(html: string): ExtractedDocument {
  const article = readArticle(html);
  const builder = new DocumentBuilder();
  let title: string | undefined;
  if (article) {
    title = article.title;
    // Readability keeps a page's <nav> and <footer> when it cannot tell them from the content.
    collectHtmlBlocks(article.root, builder, { skipBoilerplate: true });
  } else {
    const document = parseDocument(html);
    title = normalizeInlineText(document.querySelector('title')?.textContent ?? '') || undefined;
    collectHtmlBlocks(document.body ?? document.documentElement, builder, { skipBoilerplate: true });
  }
  title ??= builder.blocks.find((block) => block.kind === 'heading')?.text;
  return { type: 'html', ...(title ? { title } : {}), blocks: builder.blocks };
}

/** Reads the blocks of trusted, already-clean HTML (such as mammoth's output) without Readability. */
export function extractHtmlBody(html: string, builder: DocumentBuilder): void {
  const document = parseDocument(html);
  collectHtmlBlocks(document.body ?? document.documentElement, builder, { skipBoilerplate: false });
}

function readArticle(html: string): { title?: string; root: HtmlElement } | undefined {
  const { document } = parseHTML(asFullDocument(html));
  let article: ReturnType<Readability['parse']>;
  try {
    article = new Readability(document, { maxElemsToParse: maximumElementsToParse }).parse();
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('Aborting parsing document')) {
      throw new IngestError('too-large', `The page has more than ${maximumElementsToParse} elements`, { cause: error });
    }
    throw new IngestError('corrupt', 'The HTML could not be read', { cause: error });
  }
  if (!article?.content || !article.textContent?.trim()) return undefined;
  const articleDocument = parseDocument(article.content);
  const title = normalizeInlineText(article.title ?? '');
  return { ...(title ? { title } : {}), root: articleDocument.body ?? articleDocument.documentElement };
}

function parseDocument(html: string): HtmlDocument {
  const { document } = parseHTML(asFullDocument(html));
  return document as HtmlDocument;
}

/** linkedom only builds `<body>` for complete documents, so fragments are wrapped. */
function asFullDocument(html: string): string {
  return /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
}
