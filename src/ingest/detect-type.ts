import { open } from 'node:fs/promises';
import { fileTypeFromBuffer, fileTypeFromFile, type FileTypeResult } from 'file-type';
import type { DocumentType } from './extracted-document.js';
import { UnsupportedFileError } from './ingest-error.js';
import { decodeText, hasUtf16ByteOrderMark, looksLikeText } from './text-decoding.js';
import { sniffTextFormat } from './text-sniffing.js';

/** Bytes read from the start of a file to recognise a text format. */
export const sniffSampleBytes = 64 * 1024;

/** The uploaded content: bytes already in memory, or a file on disk read only as far as needed. */
export type FileContent = Buffer | { path: string };

/** Binary formats we parse, keyed by file-type's extension. Macro-enabled variants are read as data; macros never run. */
const binaryTypes: Partial<Record<string, DocumentType>> = {
  pdf: 'pdf',
  docx: 'docx',
  docm: 'docx',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
};

/** Text formats file-type recognises on its own; they go through our text sniffing instead. */
const textualTypes = new Set(['xml', 'vcf', 'ics', 'vtt']);

const executableTypes = new Set(['exe', 'elf', 'macho', 'wasm', 'class', 'jar', 'apk', 'dex', 'crx', 'xpi', 'deb', 'rpm', 'dmg', 'lnk', 'swf']);
const archiveTypes = new Set(['zip', 'tar', 'rar', 'gz', 'bz2', '7z', 'xz', 'zst', 'lz', 'lz4', 'lzh', 'cab', 'ar', 'cpio', 'arj', 'ace', 'Z', 'tar.gz', 'asar']);

/**
 * Decides what an upload is from its content alone — never from its name or a Content-Type
 * header, which the uploader controls. Binary formats are recognised by their magic bytes
 * (file-type, which also looks inside ZIP containers to tell DOCX from XLSX); anything else must
 * be text, sniffed as JSON, HTML, Markdown or CSV before falling back to plain text.
 *
 * @throws UnsupportedFileError naming what the content is when it is not something we can read.
 */
export async function detectType(content: FileContent): Promise<DocumentType> {
  const sample = Buffer.isBuffer(content) ? content.subarray(0, sniffSampleBytes) : await readHead(content.path, sniffSampleBytes);
  if (sample.length === 0) throw new UnsupportedFileError('The file is empty');
  // A UTF-16 byte-order mark can look like an MP3 frame header to magic-byte detection.
  const detected = hasUtf16ByteOrderMark(sample)
    ? undefined
    : Buffer.isBuffer(content)
      ? await fileTypeFromBuffer(content)
      : await fileTypeFromFile(content.path);
  if (detected && !textualTypes.has(detected.ext)) {
    const type = binaryTypes[detected.ext];
    if (type) return type;
    throw new UnsupportedFileError(describeUnsupported(detected));
  }

  if (!looksLikeText(sample)) throw new UnsupportedFileError('The file is binary data of an unrecognised format');
  const complete = Buffer.isBuffer(content) ? content.length <= sniffSampleBytes : sample.length < sniffSampleBytes;
  return sniffTextFormat(decodeText(sample), complete);
}

function describeUnsupported(detected: FileTypeResult): string {
  const { ext, mime } = detected;
  if (executableTypes.has(ext)) return `Executable files are not accepted (detected ${mime})`;
  if (archiveTypes.has(ext)) return `Archives are not supported; upload the documents inside it (detected ${mime})`;
  if (ext === 'cfb') return 'Legacy Microsoft Office files (.doc, .xls, .ppt) are not supported; save the file as DOCX or XLSX';
  if (mime.startsWith('image/')) return `Images are not supported; only documents with text can be ingested (detected ${mime})`;
  if (mime.startsWith('audio/') || mime.startsWith('video/')) return `Audio and video files are not supported (detected ${mime})`;
  return `Unsupported file type (detected ${mime})`;
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
