import { DocumentBuilder } from '../document-builder.js';
import type { ExtractedDocument } from '../extracted-document.js';

/**
 * Reads plain text: paragraphs are separated by blank lines; line breaks inside a paragraph are
 * kept (addresses, verse and hard-wrapped mail read better that way), trailing spaces are not.
 */
export function extractText(text: string): ExtractedDocument {
  const builder = new DocumentBuilder();
  for (const paragraph of text.replace(/\r\n?/g, '\n').split(/\n[ \t\f\v]*\n/)) {
    builder.paragraph(paragraph.replace(/[ \t\f\v]+$/gm, ''));
  }
  return { type: 'text', blocks: builder.blocks };
}
