import { open } from 'node:fs/promises';
import type { FileContent } from '../detect-type.js';

/** Bytes read and decoded per step: large enough that per-step costs vanish, small next to any heap. */
export const textPieceBytes = 1024 * 1024;

/**
 * Decodes uploaded text piece by piece, exactly as {@link decodeText} decodes it whole, without
 * ever holding the whole file: a byte-order mark decides UTF-8 or UTF-16; without one the bytes
 * must be valid UTF-8 (checked in a first pass that keeps nothing), and anything else is read as
 * Windows-1252. Multi-byte characters split across pieces are carried over by the decoder.
 */
export async function* decodeTextPieces(content: FileContent, pieceBytes = textPieceBytes): AsyncGenerator<string> {
  const head = await readRange(content, 0, 3);
  const { encoding, skip } = byteOrderMark(head) ?? { encoding: (await isValidUtf8(content, pieceBytes)) ? 'utf-8' : 'windows-1252', skip: 0 };
  const decoder = new TextDecoder(encoding);
  // Windows-1252 is one byte per character: each piece decodes alone, through the same decoder
  // call as a whole text (Node's streaming decoder maps 0x80–0x9F differently from its one-shot one).
  const singleByte = encoding === 'windows-1252';
  for await (const bytes of byteRanges(content, skip, pieceBytes)) {
    const text = singleByte ? decoder.decode(bytes) : decoder.decode(bytes, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

function byteOrderMark(head: Uint8Array): { encoding: string; skip: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

async function isValidUtf8(content: FileContent, pieceBytes: number): Promise<boolean> {
  const validator = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const bytes of byteRanges(content, 0, pieceBytes)) validator.decode(bytes, { stream: true });
    validator.decode();
    return true;
  } catch {
    return false;
  }
}

/** The content from `start` on, `pieceBytes` at a time; a buffer is sliced, a file read step by step. */
async function* byteRanges(content: FileContent, start: number, pieceBytes: number): AsyncGenerator<Uint8Array> {
  if (Buffer.isBuffer(content)) {
    for (let offset = start; offset < content.length; offset += pieceBytes) yield content.subarray(offset, offset + pieceBytes);
    return;
  }
  const handle = await open(content.path, 'r');
  try {
    // A fresh buffer per piece: the decoder may keep a view of it until the next call.
    for (let position = start; ; ) {
      const buffer = Buffer.allocUnsafe(pieceBytes);
      const { bytesRead } = await handle.read(buffer, 0, pieceBytes, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

async function readRange(content: FileContent, start: number, length: number): Promise<Uint8Array> {
  for await (const bytes of byteRanges(content, start, length)) return bytes;
  return new Uint8Array(0);
}
