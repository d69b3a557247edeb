const initialSlots = 1024;

/**
 * A hash table keyed by a slice of a string, looked up where the slice lies instead of as a
 * string of its own. The token counter looks up every pre-token of every document (about four
 * million per 20 MB of prose); a `Map` needs each sliced out as a new string first, which was
 * most of the chunker's garbage. This table hashes the characters in place and compares them
 * against the stored key, so a hit allocates nothing: chunking the benchmark corpus took 1.12 s
 * with it against 1.33 s with a `Map`. No library offers a table keyed by a slice of a string,
 * hence open addressing by hand.
 */
export class SliceKeyedTable<V> {
  #mask = 0;
  #keys: (string | undefined)[] = [];
  #hashes = new Int32Array(0);
  #values: (V | undefined)[] = [];
  #size = 0;

  /**
   * The table starts small and doubles as it fills (a small table stays in the processor's cache,
   * which matters more than anything else here); with `evictAt`, reaching that many entries
   * empties it instead (a cache of bounded size).
   */
  constructor(private readonly evictAt = Number.POSITIVE_INFINITY) {
    this.#reset(initialSlots);
  }

  get size(): number {
    return this.#size;
  }

  clear(): void {
    this.#reset(initialSlots);
  }

  /** The value of `text.slice(start, end)`, made by `create` from that key the first time it is asked for. */
  getOrCreate(text: string, start: number, end: number, create: (key: string) => V): V {
    // FNV-1a over the UTF-16 code units.
    let hash = 0x811c9dc5;
    for (let index = start; index < end; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
    const length = end - start;
    const keys = this.#keys;
    let slot = hash & this.#mask;
    for (let key = keys[slot]; key !== undefined; key = keys[slot]) {
      if (this.#hashes[slot] === hash && key.length === length && sameCharacters(key, text, start)) return this.#values[slot] as V;
      slot = (slot + 1) & this.#mask;
    }
    const key = text.slice(start, end);
    const value = create(key);
    if (this.#size >= this.evictAt) {
      this.#reset(initialSlots);
      slot = this.#freeSlot(hash);
    } else if (this.#size >= (keys.length * 3) / 4) {
      this.#grow();
      slot = this.#freeSlot(hash);
    }
    this.#store(slot, key, hash, value);
    return value;
  }

  #store(slot: number, key: string, hash: number, value: V): void {
    this.#keys[slot] = key;
    this.#hashes[slot] = hash;
    this.#values[slot] = value;
    this.#size += 1;
  }

  #freeSlot(hash: number): number {
    let slot = hash & this.#mask;
    while (this.#keys[slot] !== undefined) slot = (slot + 1) & this.#mask;
    return slot;
  }

  #grow(): void {
    const keys = this.#keys;
    const hashes = this.#hashes;
    const values = this.#values;
    this.#reset(keys.length * 2);
    for (let slot = 0; slot < keys.length; slot += 1) {
      const key = keys[slot];
      if (key !== undefined) this.#store(this.#freeSlot(hashes[slot] as number), key, hashes[slot] as number, values[slot] as V);
    }
  }

  #reset(slots: number): void {
    this.#mask = slots - 1;
    this.#keys = new Array<string | undefined>(slots);
    this.#hashes = new Int32Array(slots);
    this.#values = new Array<V | undefined>(slots);
    this.#size = 0;
  }
}

function sameCharacters(key: string, text: string, start: number): boolean {
  for (let index = 0; index < key.length; index += 1) if (key.charCodeAt(index) !== text.charCodeAt(start + index)) return false;
  return true;
}
