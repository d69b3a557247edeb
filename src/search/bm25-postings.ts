/**
 * One term's posting list: the document slots holding the term, in insertion order, with how
 * often it occurs in each. Typed arrays grown by doubling keep a 100k-chunk knowledge base's
 * ~16M postings at 6 bytes each instead of a JS array's boxed entries.
 */
export class PostingList {
  slots: Uint32Array;
  frequencies: Uint16Array;
  size = 0;

  constructor(capacity = 4) {
    this.slots = new Uint32Array(capacity);
    this.frequencies = new Uint16Array(capacity);
  }

  /** A list over existing arrays (a snapshot's), without copying; the first push copies. */
  static wrap(slots: Uint32Array, frequencies: Uint16Array): PostingList {
    const list = new PostingList(0);
    list.slots = slots;
    list.frequencies = frequencies;
    list.size = slots.length;
    return list;
  }

  push(slot: number, frequency: number): void {
    if (this.size === this.slots.length) this.#grow();
    this.slots[this.size] = slot;
    // Frequencies beyond 65535 change a BM25 score by nothing measurable (saturation).
    this.frequencies[this.size] = Math.min(frequency, 0xffff);
    this.size++;
  }

  /** A copy without the slots `keep` rejects, renumbered through `renumber`; undefined when nothing is left. */
  filtered(renumber: Int32Array): PostingList | undefined {
    const kept = new PostingList(Math.max(4, this.size));
    for (let index = 0; index < this.size; index++) {
      const slot = renumber[this.slots[index]!]!;
      if (slot >= 0) kept.push(slot, this.frequencies[index]!);
    }
    if (kept.size === 0) return undefined;
    kept.#shrink();
    return kept;
  }

  #grow(): void {
    const capacity = Math.max(4, this.slots.length * 2);
    const slots = new Uint32Array(capacity);
    slots.set(this.slots);
    const frequencies = new Uint16Array(capacity);
    frequencies.set(this.frequencies);
    this.slots = slots;
    this.frequencies = frequencies;
  }

  #shrink(): void {
    this.slots = this.slots.slice(0, this.size);
    this.frequencies = this.frequencies.slice(0, this.size);
  }
}
