import { DocumentBuilder } from '../document-builder.js';
import type { ExtractedDocument } from '../extracted-document.js';
import { linesOf } from '../streaming/text-lines.js';

/** A line of nothing but spaces and tabs separates paragraphs. */
const blankLine = /^[ \t\f\v]*$/;

/**
 * Reads plain text line by line: paragraphs are separated by blank lines; line breaks inside a
 * paragraph are kept (addresses, verse and hard-wrapped mail read better that way), trailing
 * spaces are not. Only the paragraph being read is held.
 */
export class PlainTextReader {
  #paragraph: string[] = [];

  constructor(private readonly builder: DocumentBuilder) {}

  line(line: string): void {
    if (blankLine.test(line)) this.#flush();
    else this.#paragraph.push(line);
  }

  end(): void {
    this.#flush();
  }

  #flush(): void {
    if (this.#paragraph.length === 0) return;
    this.builder.paragraph(this.#paragraph.join('\n').replace(/[ \t\f\v]+$/gm, ''));
    this.#paragraph = [];
  }
}

/** Reads a whole plain text with {@link PlainTextReader}. */
export function extractText(text: string): ExtractedDocument {
  const builder = new DocumentBuilder();
  const reader = new PlainTextReader(builder);
  for (const line of linesOf(text)) reader.line(line);
  reader.end();
  return { type: 'text', blocks: builder.blocks };
}
