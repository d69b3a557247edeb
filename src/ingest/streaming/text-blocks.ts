import { DocumentBuilder } from '../document-builder.js';
import type { FileContent } from '../detect-type.js';
import type { Block } from '../extracted-document.js';
import { MarkdownReader } from '../extractors/markdown-extractor.js';
import { PlainTextReader } from '../extractors/text-extractor.js';
import { decodeTextPieces, textPieceBytes } from './text-pieces.js';
import { textLines } from './text-lines.js';

/**
 * The blocks of a plain-text or Markdown upload, read from the file a piece at a time: the same
 * blocks `extractText` / `extractMarkdown` give for the whole decoded text, while only one piece
 * of the file and the block being read are held.
 */
export async function* textFileBlocks(content: FileContent, format: 'text' | 'markdown', pieceBytes = textPieceBytes): AsyncGenerator<Block[]> {
  const builder = new DocumentBuilder();
  const reader = format === 'markdown' ? new MarkdownReader(builder) : new PlainTextReader(builder);
  for await (const lines of textLines(decodeTextPieces(content, pieceBytes))) {
    for (const line of lines) reader.line(line);
    const blocks = builder.take();
    if (blocks.length > 0) yield blocks;
  }
  reader.end();
  const blocks = builder.take();
  if (blocks.length > 0) yield blocks;
}

/**
 * A Markdown file's title, its first heading, which every chunk's heading context starts with:
 * read ahead before the blocks are streamed, and only as far as that heading.
 */
export async function markdownFileTitle(content: FileContent): Promise<string | undefined> {
  for await (const blocks of textFileBlocks(content, 'markdown')) {
    for (const block of blocks) if (block.kind === 'heading') return block.text;
  }
  return undefined;
}
