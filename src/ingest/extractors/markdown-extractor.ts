import { DocumentBuilder, normalizeInlineText } from '../document-builder.js';
import type { ExtractedDocument } from '../extracted-document.js';
import { isTableDelimiterRow, splitTableRow, stripInlineMarkdown } from './markdown-inline.js';

const fenceOpen = /^\s{0,3}(`{3,}|~{3,})\s*([\w+#.-]*)/;
const atxHeading = /^\s{0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const setextUnderline = /^\s{0,3}(=+|-+)\s*$/;
const listItem = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const thematicBreak = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const blockQuote = /^\s{0,3}>\s?(.*)$/;

/**
 * Reads Markdown into blocks. No Markdown parser is installed (node-html-markdown converts the
 * other way), and the structure we index — ATX and setext headings, nested lists, GFM tables,
 * fenced code, block quotes, paragraphs — is a small, line-oriented subset of CommonMark, so this
 * hand-written reader covers it without pulling in a full parser and an HTML round trip.
 */
export function extractMarkdown(markdown: string): ExtractedDocument {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const builder = new DocumentBuilder();
  let paragraph: string[] = [];
  let listIndents: number[] = [];
  let openItem: { text: string; depth: number; ordered: boolean } | undefined;

  const flushParagraph = (): void => {
    if (paragraph.length > 0) builder.paragraph(stripInlineMarkdown(normalizeInlineText(paragraph.join(' '))));
    paragraph = [];
  };
  const flushItem = (): void => {
    if (openItem) builder.listItem(stripInlineMarkdown(openItem.text), openItem.depth, openItem.ordered);
    openItem = undefined;
  };
  const flushAll = (): void => {
    flushParagraph();
    flushItem();
    listIndents = [];
  };

  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const fence = fenceOpen.exec(line);
    if (fence) {
      flushAll();
      const marker = fence[1] ?? '```';
      const body: string[] = [];
      index += 1;
      while (index < lines.length && !(lines[index] ?? '').trim().startsWith(marker)) body.push(lines[index++] ?? '');
      builder.code(body.join('\n'), fence[2] || undefined);
      continue;
    }
    if (line.trim() === '') {
      flushParagraph();
      continue;
    }
    const heading = atxHeading.exec(line);
    if (heading) {
      flushAll();
      builder.heading(heading[1]?.length ?? 1, stripInlineMarkdown(heading[2] ?? ''));
      continue;
    }
    const underline = setextUnderline.exec(line);
    if (underline && paragraph.length > 0 && !openItem) {
      const text = stripInlineMarkdown(normalizeInlineText(paragraph.join(' ')));
      paragraph = [];
      builder.heading(underline[1]?.startsWith('=') ? 1 : 2, text);
      continue;
    }
    if (thematicBreak.test(line)) {
      flushAll();
      continue;
    }
    if (line.includes('|') && isTableDelimiterRow(lines[index + 1] ?? '') && paragraph.length === 0) {
      flushAll();
      const header = splitTableRow(line);
      const rows: string[][] = [];
      index += 2;
      while (index < lines.length && (lines[index] ?? '').includes('|') && (lines[index] ?? '').trim() !== '') {
        rows.push(splitTableRow(lines[index++] ?? ''));
      }
      index -= 1;
      builder.table(header, rows);
      continue;
    }
    const item = listItem.exec(line);
    if (item) {
      flushParagraph();
      flushItem();
      const indent = item[1]?.length ?? 0;
      while (listIndents.length > 0 && indent < (listIndents.at(-1) ?? 0)) listIndents.pop();
      if (listIndents.length === 0 || indent > (listIndents.at(-1) ?? 0)) listIndents.push(indent);
      openItem = { text: item[3] ?? '', depth: listIndents.length - 1, ordered: /\d/.test(item[2] ?? '') };
      continue;
    }
    const quote = blockQuote.exec(line);
    const text = quote ? (quote[1] ?? '') : line;
    if (openItem && /^\s/.test(line)) openItem.text += ` ${text.trim()}`;
    else {
      flushItem();
      listIndents = [];
      paragraph.push(text.trim());
    }
  }
  flushAll();
  const title = builder.blocks.find((block) => block.kind === 'heading')?.text;
  return { type: 'markdown', ...(title ? { title } : {}), blocks: builder.blocks };
}
