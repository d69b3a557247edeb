import { decodeText, looksLikeText } from '../ingest/text-decoding.js';

/** The kinds of body the crawler reads; everything else (PDFs, images, feeds) is refused. */
export type PageFormat = 'html' | 'text';

const formatsByMediaType: Record<string, PageFormat> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
};

/** The media type of a `Content-Type` header, lower-cased and without parameters. */
export function mediaTypeOf(contentType: string | null): string | undefined {
  const mediaType = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  return mediaType || undefined;
}

/**
 * The format a response declares. Without a `Content-Type` the bytes decide, as browsers do:
 * text is read as HTML (plain text parses to itself), binary data is refused.
 */
export function pageFormatOf(mediaType: string | undefined, bytes?: Uint8Array): PageFormat | undefined {
  if (mediaType !== undefined) return formatsByMediaType[mediaType];
  return bytes !== undefined && looksLikeText(bytes.subarray(0, 1024)) ? 'html' : undefined;
}

/**
 * Decodes a page with the charset its `Content-Type` names, else the one its `<meta>` names in
 * the first kilobyte, else UTF-8 with a Windows-1252 fallback (the ingest library's rule).
 */
export function decodePage(bytes: Uint8Array, contentType: string | null, format: PageFormat): string {
  const head = format === 'html' ? new TextDecoder('latin1').decode(bytes.subarray(0, 1024)) : '';
  const charset = charsetParameter(contentType) ?? /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: fall through to the same guess as for an undeclared charset.
    }
  }
  return decodeText(bytes);
}

function charsetParameter(contentType: string | null): string | undefined {
  return /;\s*charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
}
