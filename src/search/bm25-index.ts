import type { Bm25Document } from './bm25-terms.js';
import { PostingList } from './bm25-postings.js';

/** One sparse-retrieval result: a BM25 score, higher is better. */
export interface Bm25Hit {
  chunkId: number;
  score: number;
}

/** What a snapshot holds (bm25-snapshot.ts): live slots only, in slot order. */
export interface Bm25IndexContents {
  chunkIds: Float64Array<ArrayBuffer>;
  lengths: Uint32Array<ArrayBuffer>;
  postings: ReadonlyMap<string, PostingList>;
}

/** Okapi BM25's usual constants (Lucene's, and SQLite FTS5's). */
const k1 = 1.2;
const b = 0.75;

/** Removed documents are compacted away once they are this share of the slots (and at least a few). */
const compactionShare = 0.25;
const minimumDeadForCompaction = 256;

/**
 * An in-process BM25 index of one knowledge base's chunks: an inverted index from term to the
 * chunks holding it, scored term at a time into a dense accumulator.
 *
 * Why not the database's full-text search alone: neither SQLite FTS5 nor PostgreSQL stops early.
 * Both score every chunk matching any term of an OR query before the LIMIT applies, and on a
 * knowledge base where a question's words are common that is most chunks: 300 ms (FTS5) and
 * 1.4 s (PostgreSQL `ts_rank_cd`) at 100k chunks, against a 30 ms budget (docs/BENCHMARKS.md).
 * Typed posting lists and one pass over them do the same ranking in a few milliseconds.
 *
 * Scores are BM25 with Lucene's always-positive idf, `ln(1 + (N − n + 0.5) / (n + 0.5))`, over
 * this knowledge base alone (FTS5's idf counts every tenant's chunks and clamps common terms to
 * zero). Removing a document marks its slot dead; until the next compaction its postings still
 * count towards `n`, which shifts idf by at most that share.
 */
export class Bm25Index {
  readonly #postings = new Map<string, PostingList>();
  readonly #slotByChunk = new Map<number, number>();
  #chunkIds = new Float64Array(64);
  #lengths = new Uint32Array(64);
  #slotCount = 0;
  #deadCount = 0;
  #liveLengthSum = 0;
  #scores = new Float32Array(0);

  /** How many chunks the index holds. */
  get size(): number {
    return this.#slotByChunk.size;
  }

  has(chunkId: number): boolean {
    return this.#slotByChunk.has(chunkId);
  }

  /** The ids of every chunk held, in no particular order. */
  chunkIds(): IterableIterator<number> {
    return this.#slotByChunk.keys();
  }

  /** An index holding exactly `contents` (taken over, not copied). */
  static fromContents(contents: Bm25IndexContents): Bm25Index {
    const index = new Bm25Index();
    const slotCount = contents.chunkIds.length;
    index.#chunkIds = contents.chunkIds;
    index.#lengths = contents.lengths;
    index.#slotCount = slotCount;
    for (let slot = 0; slot < slotCount; slot++) {
      index.#slotByChunk.set(contents.chunkIds[slot]!, slot);
      index.#liveLengthSum += contents.lengths[slot]!;
    }
    for (const [term, list] of contents.postings) index.#postings.set(term, list);
    return index;
  }

  /** The index's contents for a snapshot; dead slots are compacted away first. */
  contents(): Bm25IndexContents {
    if (this.#deadCount > 0) this.#compact();
    return { chunkIds: this.#chunkIds.subarray(0, this.#slotCount), lengths: this.#lengths.subarray(0, this.#slotCount), postings: this.#postings };
  }

  /** Adds a chunk, replacing what the index held under its id. */
  add(chunkId: number, document: Bm25Document): void {
    this.remove(chunkId);
    if (this.#slotCount === this.#chunkIds.length) this.#growSlots();
    const slot = this.#slotCount++;
    this.#chunkIds[slot] = chunkId;
    this.#lengths[slot] = document.length;
    this.#liveLengthSum += document.length;
    this.#slotByChunk.set(chunkId, slot);
    for (const [term, frequency] of document.termFrequencies) {
      let list = this.#postings.get(term);
      if (!list) this.#postings.set(term, (list = new PostingList()));
      list.push(slot, frequency);
    }
  }

  remove(chunkId: number): void {
    const slot = this.#slotByChunk.get(chunkId);
    if (slot === undefined) return;
    this.#slotByChunk.delete(chunkId);
    this.#liveLengthSum -= this.#lengths[slot]!;
    this.#chunkIds[slot] = -1;
    this.#deadCount++;
    if (this.#deadCount >= minimumDeadForCompaction && this.#deadCount >= this.#slotCount * compactionShare) this.#compact();
  }

  /**
   * The `limit` best chunks for these (already stemmed) terms, best first; equal scores go to
   * the smaller chunk id so results do not depend on insertion order.
   */
  search(terms: readonly string[], limit: number): Bm25Hit[] {
    const documentCount = this.size;
    if (documentCount === 0 || limit <= 0) return [];
    const lists = terms.flatMap((term) => this.#postings.get(term) ?? []);
    if (lists.length === 0) return [];
    if (this.#scores.length < this.#slotCount) this.#scores = new Float32Array(this.#chunkIds.length);
    const scores = this.#scores;
    const lengths = this.#lengths;
    const averageLength = this.#liveLengthSum / documentCount || 1;
    // k1·(1 − b + b·|d|/avgdl) = lengthBase + lengthScale·|d|
    const lengthBase = k1 * (1 - b);
    const lengthScale = (k1 * b) / averageLength;
    for (const list of lists) {
      const matching = Math.min(list.size, documentCount);
      const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
      const weight = idf * (k1 + 1);
      const { slots, frequencies, size } = list;
      for (let index = 0; index < size; index++) {
        const slot = slots[index]!;
        const frequency = frequencies[index]!;
        scores[slot] = scores[slot]! + (weight * frequency) / (frequency + lengthBase + lengthScale * lengths[slot]!);
      }
    }
    return this.#collectTop(limit);
  }

  /** Reads the accumulator into the top `limit` live chunks and clears it for the next search. */
  #collectTop(limit: number): Bm25Hit[] {
    const scores = this.#scores;
    const chunkIds = this.#chunkIds;
    const heap = new ScoreHeap(limit);
    for (let slot = 0; slot < this.#slotCount; slot++) {
      const score = scores[slot]!;
      if (score === 0) continue;
      scores[slot] = 0;
      const chunkId = chunkIds[slot]!;
      if (chunkId >= 0) heap.offer(score, chunkId);
    }
    return heap.sorted();
  }

  #growSlots(): void {
    const capacity = Math.max(64, this.#chunkIds.length * 2);
    const chunkIds = new Float64Array(capacity);
    chunkIds.set(this.#chunkIds);
    const lengths = new Uint32Array(capacity);
    lengths.set(this.#lengths);
    this.#chunkIds = chunkIds;
    this.#lengths = lengths;
  }

  /** Drops dead slots: live ones are renumbered in order and every posting list is rewritten. */
  #compact(): void {
    const renumber = new Int32Array(this.#slotCount).fill(-1);
    let next = 0;
    for (let slot = 0; slot < this.#slotCount; slot++) {
      const chunkId = this.#chunkIds[slot]!;
      if (chunkId < 0) continue;
      renumber[slot] = next;
      this.#chunkIds[next] = chunkId;
      this.#lengths[next] = this.#lengths[slot]!;
      this.#slotByChunk.set(chunkId, next);
      next++;
    }
    for (const [term, list] of this.#postings) {
      const kept = list.filtered(renumber);
      if (kept) this.#postings.set(term, kept);
      else this.#postings.delete(term);
    }
    this.#slotCount = next;
    this.#deadCount = 0;
    this.#scores = new Float32Array(0);
  }
}

/**
 * A min-heap of (score, chunk id) keeping the best `capacity`; numeric keys so that offering
 * each of a hundred thousand candidates allocates nothing.
 */
class ScoreHeap {
  readonly #scores: number[] = [];
  readonly #ids: number[] = [];

  constructor(private readonly capacity: number) {}

  offer(score: number, chunkId: number): void {
    if (this.#scores.length < this.capacity) {
      this.#scores.push(score);
      this.#ids.push(chunkId);
      this.#siftUp(this.#scores.length - 1);
    } else if (this.#beats(score, chunkId, 0)) {
      this.#scores[0] = score;
      this.#ids[0] = chunkId;
      this.#siftDown(0);
    }
  }

  sorted(): Bm25Hit[] {
    return this.#scores
      .map((score, index) => ({ chunkId: this.#ids[index]!, score }))
      .sort((left, right) => right.score - left.score || left.chunkId - right.chunkId);
  }

  /** Whether (score, id) ranks above the entry at `index`. */
  #beats(score: number, chunkId: number, index: number): boolean {
    const held = this.#scores[index]!;
    return score > held || (score === held && chunkId < this.#ids[index]!);
  }

  #siftUp(start: number): void {
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.#beats(this.#scores[parent]!, this.#ids[parent]!, index)) break;
      this.#swap(index, parent);
      index = parent;
    }
  }

  #siftDown(start: number): void {
    for (let index = start; ; ) {
      const left = 2 * index + 1;
      const right = left + 1;
      let lowest = index;
      if (left < this.#scores.length && this.#beats(this.#scores[lowest]!, this.#ids[lowest]!, left)) lowest = left;
      if (right < this.#scores.length && this.#beats(this.#scores[lowest]!, this.#ids[lowest]!, right)) lowest = right;
      if (lowest === index) return;
      this.#swap(index, lowest);
      index = lowest;
    }
  }

  #swap(first: number, second: number): void {
    [this.#scores[first], this.#scores[second]] = [this.#scores[second]!, this.#scores[first]!];
    [this.#ids[first], this.#ids[second]] = [this.#ids[second]!, this.#ids[first]!];
  }
}
