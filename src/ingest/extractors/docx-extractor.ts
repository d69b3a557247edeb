import mammoth from 'mammoth';
import { DocumentBuilder } from '../document-builder.js';
import type { ExtractedDocument } from '../extracted-document.js';
import { IngestError } from '../ingest-error.js';
import type { FileContent } from '../detect-type.js';
import { extractHtmlBody } from './html-extractor.js';

/**
 * Reads a Word document by converting it to HTML with mammoth (which maps Word's heading
 * styles to `<h1>`–`<h6>` and keeps lists and tables) and reading that HTML, so DOCX gets the
 * same structure rules as web pages. Images are dropped: only text is indexed.
 *
 * The caller must have passed the file through the archive guard first: mammoth inflates every
 * part it reads into memory.
 */
export async function extractDocx(content: FileContent): Promise<ExtractedDocument> {
  const input = Buffer.isBuffer(content) ? { buffer: content } : { path: content.path };
  let html: string;
  try {
    const result = await mammoth.convertToHtml(input, {
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      externalFileAccess: false,
    });
    html = result.value;
  } catch (error) {
    throw new IngestError('corrupt', 'The Word document is corrupt or not a DOCX file', { cause: error });
  }
  const builder = new DocumentBuilder();
  extractHtmlBody(html, builder);
  const title = builder.blocks.find((block) => block.kind === 'heading')?.text;
  return { type: 'docx', ...(title ? { title } : {}), blocks: builder.blocks };
}
