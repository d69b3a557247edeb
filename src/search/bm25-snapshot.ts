import { Bm25Index } from './bm25-index.js';
import { PostingList } from './bm25-postings.js';

/**
 * A BM25 index as bytes, so a restarted process loads it in a fraction of a second instead of
 * tokenizing every chunk again. Layout, little-endian, each array starting on an 8-byte boundary:
 *
 *   "DOCENT-BM25 1\n"  u32 slotCount  u32 termCount  u32 postingCount  u32 termsByteLength
 *   f64 chunkIds[slotCount]  u32 lengths[slotCount]  utf-8 JSON array of the terms
 *   u32 postingSizes[termCount]  u32 slots[postingCount]  u16 frequencies[postingCount]
 *
 * Hand-written because it is four typed arrays and a term list: a general serializer (JSON,
 * MessagePack) would box 16 million postings per 100k chunks into numbers and back.
 */
const magic = Buffer.from('DOCENT-BM25 1\n');
const headerBytes = magic.length + 16;

export class Bm25SnapshotError extends Error {
  override readonly name = 'Bm25SnapshotError';
}

export function encodeBm25Index(index: Bm25Index): Buffer {
  const { chunkIds, lengths, postings } = index.contents();
  const terms = [...postings.keys()];
  const lists = terms.map((term) => postings.get(term)!);
  const postingCount = lists.reduce((sum, list) => sum + list.size, 0);
  const termsJson = Buffer.from(JSON.stringify(terms));

  const layout = new Layout(headerBytes);
  const chunkIdsAt = layout.take(chunkIds.byteLength);
  const lengthsAt = layout.take(lengths.byteLength);
  const termsAt = layout.take(termsJson.length);
  const sizesAt = layout.take(terms.length * 4);
  const slotsAt = layout.take(postingCount * 4);
  const frequenciesAt = layout.take(postingCount * 2);

  const bytes = Buffer.alloc(layout.end);
  magic.copy(bytes, 0);
  bytes.writeUInt32LE(chunkIds.length, magic.length);
  bytes.writeUInt32LE(terms.length, magic.length + 4);
  bytes.writeUInt32LE(postingCount, magic.length + 8);
  bytes.writeUInt32LE(termsJson.length, magic.length + 12);
  new Float64Array(bytes.buffer, bytes.byteOffset + chunkIdsAt, chunkIds.length).set(chunkIds);
  new Uint32Array(bytes.buffer, bytes.byteOffset + lengthsAt, lengths.length).set(lengths);
  termsJson.copy(bytes, termsAt);
  const sizes = new Uint32Array(bytes.buffer, bytes.byteOffset + sizesAt, terms.length);
  const slots = new Uint32Array(bytes.buffer, bytes.byteOffset + slotsAt, postingCount);
  const frequencies = new Uint16Array(bytes.buffer, bytes.byteOffset + frequenciesAt, postingCount);
  let offset = 0;
  lists.forEach((list, position) => {
    sizes[position] = list.size;
    slots.set(list.slots.subarray(0, list.size), offset);
    frequencies.set(list.frequencies.subarray(0, list.size), offset);
    offset += list.size;
  });
  return bytes;
}

/** @throws Bm25SnapshotError when the bytes are not a snapshot of this version (or are cut short). */
export function decodeBm25Index(bytes: Buffer): Bm25Index {
  if (bytes.length < headerBytes || !bytes.subarray(0, magic.length).equals(magic)) throw new Bm25SnapshotError('Not a BM25 index snapshot');
  const slotCount = bytes.readUInt32LE(magic.length);
  const termCount = bytes.readUInt32LE(magic.length + 4);
  const postingCount = bytes.readUInt32LE(magic.length + 8);
  const termsByteLength = bytes.readUInt32LE(magic.length + 12);

  const layout = new Layout(headerBytes);
  const chunkIdsAt = layout.take(slotCount * 8);
  const lengthsAt = layout.take(slotCount * 4);
  const termsAt = layout.take(termsByteLength);
  const sizesAt = layout.take(termCount * 4);
  const slotsAt = layout.take(postingCount * 4);
  const frequenciesAt = layout.take(postingCount * 2);
  if (bytes.length !== layout.end) throw new Bm25SnapshotError('Truncated BM25 index snapshot');

  // Copied into a fresh, aligned buffer: a Buffer read from disk may start at any offset.
  const own = new Uint8Array(bytes).buffer;
  const chunkIds = new Float64Array(own, chunkIdsAt, slotCount);
  const lengths = new Uint32Array(own, lengthsAt, slotCount);
  const terms = JSON.parse(bytes.subarray(termsAt, termsAt + termsByteLength).toString('utf8')) as unknown;
  if (!Array.isArray(terms) || terms.length !== termCount) throw new Bm25SnapshotError('Corrupt BM25 index snapshot');
  const sizes = new Uint32Array(own, sizesAt, termCount);
  const slots = new Uint32Array(own, slotsAt, postingCount);
  const frequencies = new Uint16Array(own, frequenciesAt, postingCount);

  const postings = new Map<string, PostingList>();
  let offset = 0;
  for (let position = 0; position < termCount; position++) {
    const size = sizes[position]!;
    if (offset + size > postingCount) throw new Bm25SnapshotError('Corrupt BM25 index snapshot');
    const listSlots = slots.subarray(offset, offset + size);
    if (listSlots.some((slot) => slot >= slotCount)) throw new Bm25SnapshotError('Corrupt BM25 index snapshot');
    postings.set(String(terms[position]), PostingList.wrap(listSlots, frequencies.subarray(offset, offset + size)));
    offset += size;
  }
  return Bm25Index.fromContents({ chunkIds, lengths, postings });
}

/** Hands out 8-byte-aligned offsets, so every typed array can view the buffer directly. */
class Layout {
  constructor(public end: number) {}

  take(byteLength: number): number {
    const start = Math.ceil(this.end / 8) * 8;
    this.end = start + byteLength;
    return start;
  }
}
