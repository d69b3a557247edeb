import type { DocumentBuilder } from '../document-builder.js';

/** A positioned run of text as pdf.js reports it. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  hasEOL: boolean;
}

/** One visual line of a page. */
export interface PdfLine {
  text: string;
  fontSize: number;
  /** Distance from the bottom of the page, in points. */
  baseline: number;
}

/** Lines further apart than this many font sizes start a new paragraph. */
const paragraphGapFactor = 1.6;
/** Lines at least this much larger than the body text are headings. */
const headingSizeFactor = 1.15;
const maximumHeadingCharacters = 200;

/** Groups a page's text items into lines, inserting spaces where runs are visibly apart. */
export function linesOfPage(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: (PdfLine & { rightEdge: number }) | undefined;
  for (const item of items) {
    const fontSize = Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || 1;
    const x = item.transform[4] ?? 0;
    const baseline = item.transform[5] ?? 0;
    if (item.str !== '') {
      if (current && Math.abs(current.baseline - baseline) <= fontSize / 2) {
        const apart = x - current.rightEdge > fontSize * 0.15;
        current.text += apart && !current.text.endsWith(' ') && !item.str.startsWith(' ') ? ` ${item.str}` : item.str;
        current.fontSize = Math.max(current.fontSize, fontSize);
      } else {
        if (current) lines.push(current);
        current = { text: item.str, fontSize, baseline, rightEdge: 0 };
      }
      current.rightEdge = x + item.width;
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  return lines
    .map(({ text, fontSize, baseline }) => ({ text: text.replace(/\s+/g, ' ').trim(), fontSize, baseline }))
    .filter((line) => line.text !== '');
}

/**
 * Rebuilds headings and paragraphs from the lines of all pages. The body font size is the size
 * carrying the most characters; clearly larger, short lines are headings, their level ranked by
 * size across the document. A vertical gap or a size change ends a paragraph.
 */
export function layoutPages(pages: readonly PdfLine[][], builder: DocumentBuilder): void {
  const bodySize = dominantFontSize(pages.flat());
  const isHeading = (line: PdfLine): boolean =>
    line.fontSize >= bodySize * headingSizeFactor && line.text.length <= maximumHeadingCharacters && /\p{L}/u.test(line.text);
  const headingSizes = [...new Set(pages.flat().filter(isHeading).map((line) => roundSize(line.fontSize)))].sort((a, b) => b - a);
  const levelOf = (line: PdfLine): number => Math.min(6, headingSizes.indexOf(roundSize(line.fontSize)) + 1);

  pages.forEach((lines, index) => {
    builder.startPage(index + 1);
    let paragraph: PdfLine[] = [];
    const flush = (): void => {
      if (paragraph.length === 0) return;
      const text = joinLines(paragraph.map((line) => line.text));
      if (isHeading(paragraph[0] as PdfLine)) builder.heading(levelOf(paragraph[0] as PdfLine), text);
      else builder.paragraph(text);
      paragraph = [];
    };
    for (const line of lines) {
      const previous = paragraph.at(-1);
      const startsNew =
        previous !== undefined &&
        (previous.baseline - line.baseline > paragraphGapFactor * Math.max(previous.fontSize, line.fontSize) ||
          previous.baseline < line.baseline ||
          roundSize(previous.fontSize) !== roundSize(line.fontSize) ||
          isHeading(previous) !== isHeading(line));
      if (startsNew) flush();
      paragraph.push(line);
    }
    flush();
  });
}

function roundSize(fontSize: number): number {
  return Math.round(fontSize * 2) / 2;
}

function dominantFontSize(lines: readonly PdfLine[]): number {
  const characters = new Map<number, number>();
  for (const line of lines) characters.set(roundSize(line.fontSize), (characters.get(roundSize(line.fontSize)) ?? 0) + line.text.length);
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of characters) {
    if (count > bestCount || (count === bestCount && size < best)) [best, bestCount] = [size, count];
  }
  return best;
}

/** Joins wrapped lines; a line ending in a hyphen continues the word on the next line. */
function joinLines(lines: readonly string[]): string {
  return lines.reduce((text, line) => (text === '' ? line : text.endsWith('-') ? text + line : `${text} ${line}`), '');
}
