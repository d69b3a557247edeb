/**
 * Keeps the `capacity` best-scoring items seen so far in a binary min-heap, so selecting the top
 * k of n scores costs O(n log k) and no sort of all n. Equal scores are broken by the smaller
 * key, which makes results independent of insertion order.
 */
export class TopKHeap<Item> {
  readonly #scores: number[] = [];
  readonly #keys: string[] = [];
  readonly #items: Item[] = [];

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.#scores.length;
  }

  /** The score an item must beat to enter once the heap is full; -Infinity before. */
  get threshold(): number {
    return this.#scores.length < this.capacity ? Number.NEGATIVE_INFINITY : (this.#scores[0] ?? Number.NEGATIVE_INFINITY);
  }

  /** Offers an item; it is kept if the heap has room or it beats the worst item kept. */
  offer(score: number, key: string, item: Item): void {
    if (this.capacity <= 0) return;
    if (this.#scores.length < this.capacity) {
      this.#scores.push(score);
      this.#keys.push(key);
      this.#items.push(item);
      this.#siftUp(this.#scores.length - 1);
    } else if (this.#isWorse(0, score, key)) {
      this.#scores[0] = score;
      this.#keys[0] = key;
      this.#items[0] = item;
      this.#siftDown(0);
    }
  }

  /** The kept items, best first. */
  sorted(): { score: number; key: string; item: Item }[] {
    return this.#scores
      .map((score, index) => ({ score, key: this.#keys[index]!, item: this.#items[index]! }))
      .sort((left, right) => right.score - left.score || compareKeys(left.key, right.key));
  }

  /** Whether the entry at `index` ranks below (score, key). */
  #isWorse(index: number, score: number, key: string): boolean {
    const heldScore = this.#scores[index]!;
    return heldScore < score || (heldScore === score && compareKeys(this.#keys[index]!, key) > 0);
  }

  #siftUp(start: number): void {
    let index = start;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.#isWorse(index, this.#scores[parent]!, this.#keys[parent]!)) break;
      this.#swap(index, parent);
      index = parent;
    }
  }

  #siftDown(start: number): void {
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let worst = index;
      if (left < this.#scores.length && this.#isWorse(left, this.#scores[worst]!, this.#keys[worst]!)) worst = left;
      if (right < this.#scores.length && this.#isWorse(right, this.#scores[worst]!, this.#keys[worst]!)) worst = right;
      if (worst === index) return;
      this.#swap(index, worst);
      index = worst;
    }
  }

  #swap(first: number, second: number): void {
    [this.#scores[first], this.#scores[second]] = [this.#scores[second]!, this.#scores[first]!];
    [this.#keys[first], this.#keys[second]] = [this.#keys[second]!, this.#keys[first]!];
    [this.#items[first], this.#items[second]] = [this.#items[second]!, this.#items[first]!];
  }
}

/** Code-unit order, the same on every platform (unlike `localeCompare`). */
export function compareKeys(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
