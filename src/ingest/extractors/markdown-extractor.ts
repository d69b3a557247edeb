import { DocumentBuilder, normalizeInlineText } from '../document-builder.js';
import type { ExtractedDocument } from '../extracted-document.js';
import { linesOf } from '../streaming/text-lines.js';
import { isTableDelimiterRow, splitTableRow, stripInlineMarkdown } from './markdown-inline.js';

const fenceOpen = /^\s{0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/;
const atxHeading = /^\s{0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const setextUnderline = /^\s{0,3}(=+|-+)\s*$/;
const listItem = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const thematicBreak = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const blockQuote = /^\s{0,3}>\s?(.*)$/;

/** A fenced code block being read: its closing marker, language and lines so far. */
interface OpenFence {
  marker: string;
  language: string | undefined;
  body: string[];
}

/** A GFM table being read; its delimiter row is still to be skipped until `delimiterSkipped`. */
interface OpenTable {
  header: string[];
  rows: string[][];
  delimiterSkipped: boolean;
}

/**
 * Reads Markdown into blocks, line by line. No Markdown parser is installed (node-html-markdown
 * converts the other way), and the structure we index — ATX and setext headings, nested lists,
 * GFM tables, fenced code, block quotes, paragraphs — is a small, line-oriented subset of
 * CommonMark, so this hand-written reader covers it without a full parser and an HTML round trip.
 *
 * A line is handled once the next one is known (a table starts with a row followed by a delimiter
 * row), so a document of any length streams through holding only the block being read.
 */
export class MarkdownReader {
  #pending: string | undefined;
  #paragraph: string[] = [];
  #listIndents: number[] = [];
  #openItem: { text: string; depth: number; ordered: boolean } | undefined;
  #fence: OpenFence | undefined;
  #table: OpenTable | undefined;

  constructor(private readonly builder: DocumentBuilder) {}

  line(line: string): void {
    if (this.#pending !== undefined) this.#handle(this.#pending, line);
    this.#pending = line;
  }

  end(): void {
    if (this.#pending !== undefined) this.#handle(this.#pending, '');
    this.#pending = undefined;
    if (this.#fence) this.#closeFence();
    if (this.#table) this.#closeTable();
    this.#flushAll();
  }

  #handle(line: string, next: string): void {
    if (this.#fence) {
      if (line.trim().startsWith(this.#fence.marker)) this.#closeFence();
      else this.#fence.body.push(line);
      return;
    }
    if (this.#table) {
      const table = this.#table;
      if (!table.delimiterSkipped) {
        table.delimiterSkipped = true;
        return;
      }
      if (line.includes('|') && line.trim() !== '') {
        table.rows.push(splitTableRow(line));
        return;
      }
      this.#closeTable();
    }
    this.#handleOutsideBlocks(line, next);
  }

  #handleOutsideBlocks(line: string, next: string): void {
    const fence = fenceOpen.exec(line);
    if (fence) {
      this.#flushAll();
      this.#fence = { marker: fence[1] ?? '```', language: fence[2] || undefined, body: [] };
      return;
    }
    if (line.trim() === '') {
      this.#flushParagraph();
      return;
    }
    const heading = atxHeading.exec(line);
    if (heading) {
      this.#flushAll();
      this.builder.heading(heading[1]?.length ?? 1, stripInlineMarkdown(heading[2] ?? ''));
      return;
    }
    const underline = setextUnderline.exec(line);
    if (underline && this.#paragraph.length > 0 && !this.#openItem) {
      const text = stripInlineMarkdown(normalizeInlineText(this.#paragraph.join(' ')));
      this.#paragraph = [];
      this.builder.heading(underline[1]?.startsWith('=') ? 1 : 2, text);
      return;
    }
    if (thematicBreak.test(line)) {
      this.#flushAll();
      return;
    }
    if (line.includes('|') && isTableDelimiterRow(next) && this.#paragraph.length === 0) {
      this.#flushAll();
      this.#table = { header: splitTableRow(line), rows: [], delimiterSkipped: false };
      return;
    }
    const item = listItem.exec(line);
    if (item) {
      this.#flushParagraph();
      this.#flushItem();
      const indent = item[1]?.length ?? 0;
      const listIndents = this.#listIndents;
      while (listIndents.length > 0 && indent < (listIndents.at(-1) ?? 0)) listIndents.pop();
      if (listIndents.length === 0 || indent > (listIndents.at(-1) ?? 0)) listIndents.push(indent);
      this.#openItem = { text: item[3] ?? '', depth: listIndents.length - 1, ordered: /\d/.test(item[2] ?? '') };
      return;
    }
    const quote = blockQuote.exec(line);
    const text = quote ? (quote[1] ?? '') : line;
    if (this.#openItem && /^\s/.test(line)) this.#openItem.text += ` ${text.trim()}`;
    else {
      this.#flushItem();
      this.#listIndents = [];
      this.#paragraph.push(text.trim());
    }
  }

  #closeFence(): void {
    const fence = this.#fence as OpenFence;
    this.#fence = undefined;
    this.builder.code(fence.body.join('\n'), fence.language);
  }

  #closeTable(): void {
    const table = this.#table as OpenTable;
    this.#table = undefined;
    this.builder.table(table.header, table.rows);
  }

  #flushParagraph(): void {
    if (this.#paragraph.length > 0) this.builder.paragraph(stripInlineMarkdown(normalizeInlineText(this.#paragraph.join(' '))));
    this.#paragraph = [];
  }

  #flushItem(): void {
    if (this.#openItem) this.builder.listItem(stripInlineMarkdown(this.#openItem.text), this.#openItem.depth, this.#openItem.ordered);
    this.#openItem = undefined;
  }

  #flushAll(): void {
    this.#flushParagraph();
    this.#flushItem();
    this.#listIndents = [];
  }
}

/** Reads a whole Markdown text with {@link MarkdownReader}; the first heading is its title. */
export function extractMarkdown(markdown: string): ExtractedDocument {
  const builder = new DocumentBuilder();
  const reader = new MarkdownReader(builder);
  for (const line of linesOf(markdown)) reader.line(line);
  reader.end();
  const title = builder.blocks.find((block) => block.kind === 'heading')?.text;
  return { type: 'markdown', ...(title ? { title } : {}), blocks: builder.blocks };
}
