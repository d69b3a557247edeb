import { DocumentBuilder, normalizeInlineText } from '../document-builder.js';
import { elementNodeType, textNodeType, type HtmlElement } from './html-dom.js';

/** HtmlElements whose content never reaches the reader. */
const invisibleTags = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'head']);

/** Page furniture skipped when a whole body is read because Readability found no article. */
const boilerplateTags = new Set(['nav', 'footer', 'aside', 'form', 'button', 'menu', 'dialog']);

const containerTags = new Set([
  'address', 'article', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'header', 'hgroup', 'html', 'main', 'nav', 'section', 'summary', 'aside', 'form',
]);

export interface HtmlWalkOptions {
  /** Skip navigation, footers and similar furniture (used when reading a whole page body). */
  skipBoilerplate: boolean;
}

/**
 * Turns an HTML element tree into blocks: headings open sections, paragraphs and loose inline
 * text become paragraphs, lists keep their nesting depth, tables keep their header row and
 * `<pre>` stays verbatim. Shared by the HTML and DOCX extractors (mammoth emits HTML).
 */
export function collectHtmlBlocks(root: HtmlElement, builder: DocumentBuilder, options: HtmlWalkOptions): void {
  new HtmlBlockWalker(builder, options).walk(root);
}

class HtmlBlockWalker {
  #pendingInline = '';

  constructor(
    private readonly builder: DocumentBuilder,
    private readonly options: HtmlWalkOptions,
  ) {}

  walk(root: HtmlElement): void {
    this.#walkChildren(root);
    this.#flush();
  }

  #walkChildren(parent: HtmlElement): void {
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === textNodeType) this.#pendingInline += node.textContent ?? '';
      else if (node.nodeType === elementNodeType) this.#visit(node as HtmlElement);
    }
  }

  #visit(element: HtmlElement): void {
    const tag = element.localName.toLowerCase();
    if (invisibleTags.has(tag) || (this.options.skipBoilerplate && boilerplateTags.has(tag))) return;
    const headingLevel = /^h([1-6])$/.exec(tag)?.[1];
    if (headingLevel) {
      this.#flush();
      this.builder.heading(Number(headingLevel), element.textContent ?? '');
    } else if (tag === 'p') {
      this.#flush();
      this.builder.paragraph(normalizeInlineText(element.textContent ?? ''));
    } else if (tag === 'ul' || tag === 'ol') {
      this.#flush();
      this.#list(element, 0);
    } else if (tag === 'table') {
      this.#flush();
      this.#table(element);
    } else if (tag === 'pre') {
      this.#flush();
      const language = /language-([\w+-]+)/.exec(element.querySelector('code')?.className ?? '')?.[1];
      this.builder.code(element.textContent ?? '', language);
    } else if (tag === 'br' || tag === 'hr') {
      this.#flush();
    } else if (containerTags.has(tag) || tag === 'li') {
      this.#flush();
      this.#walkChildren(element);
      this.#flush();
    } else {
      this.#pendingInline += ` ${element.textContent ?? ''} `;
    }
  }

  #flush(): void {
    this.builder.paragraph(normalizeInlineText(this.#pendingInline));
    this.#pendingInline = '';
  }

  #list(list: HtmlElement, depth: number): void {
    const ordered = list.localName.toLowerCase() === 'ol';
    for (const item of Array.from(list.children)) {
      if (item.localName.toLowerCase() !== 'li') continue;
      const nestedLists: HtmlElement[] = [];
      let text = '';
      for (const node of Array.from(item.childNodes)) {
        const name = node.nodeType === elementNodeType ? (node as HtmlElement).localName.toLowerCase() : '';
        if (name === 'ul' || name === 'ol') nestedLists.push(node as HtmlElement);
        else text += ` ${node.textContent ?? ''}`;
      }
      this.builder.listItem(text, depth, ordered);
      for (const nested of nestedLists) this.#list(nested, depth + 1);
    }
  }

  #table(table: HtmlElement): void {
    const rows = Array.from(table.querySelectorAll('tr')).filter((row) => row.closest('table') === table);
    const cellsOf = (row: HtmlElement): HtmlElement[] =>
      Array.from(row.children).filter((cell) => /^t[dh]$/i.test(cell.localName));
    const texts = rows.map((row) => cellsOf(row).map((cell) => normalizeInlineText(cell.textContent ?? '')));
    const firstRow = rows[0];
    const hasMarkedHeader =
      firstRow !== undefined &&
      (firstRow.closest('thead') !== null || cellsOf(firstRow).every((cell) => cell.localName.toLowerCase() === 'th'));
    // Word tables rarely mark a header row; their first row is a header far more often than data.
    const headerFromFirstRow = hasMarkedHeader || (rows.length > 1 && table.querySelector('th') === null);
    if (headerFromFirstRow) this.builder.table(texts[0] ?? [], texts.slice(1));
    else this.builder.table([], texts);
  }
}
