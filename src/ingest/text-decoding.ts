/**
 * Decodes uploaded text. A byte-order mark decides UTF-8 or UTF-16; without one the bytes must
 * be valid UTF-8, and anything else is read as Windows-1252, the usual encoding of older
 * spreadsheets exported to CSV on Windows, so no byte is lost or replaced silently.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Whether the bytes start with a UTF-16 byte-order mark (such text legitimately contains NULs). */
export function hasUtf16ByteOrderMark(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * Whether a sample looks like text rather than binary data: no NUL bytes and almost no other
 * control characters (tabs, line breaks and form feeds are fine).
 */
export function looksLikeText(sample: Uint8Array): boolean {
  if (hasUtf16ByteOrderMark(sample)) return true;
  let controlCharacters = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controlCharacters += 1;
  }
  return controlCharacters <= sample.length / 100;
}
