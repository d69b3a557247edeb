/**
 * Remembered token counts of pre-tokens, looked up by where a pre-token lies in a text rather
 * than as a string of its own. A `Map` needs every pre-token sliced out and hashed (about four
 * million short strings per 20 MB of prose, most of the chunker's garbage); this open-addressing
 * table hashes the characters in place and compares them against the remembered key, so a hit
 * allocates nothing. No library offers a hash table keyed by a slice of a string.
 */
export class PreTokenCounts {
  readonly #mask: number;
  readonly #limit: number;
  #keys: (string | undefined)[];
  #hashes: Int32Array;
  #counts: Int32Array;
  #size = 0;

  /** Holds up to three quarters of `2 ** slotsLog2` pre-tokens, then starts over empty. */
  constructor(slotsLog2: number) {
    const slots = 2 ** slotsLog2;
    this.#mask = slots - 1;
    this.#limit = (slots * 3) / 4;
    this.#keys = new Array<string | undefined>(slots);
    this.#hashes = new Int32Array(slots);
    this.#counts = new Int32Array(slots);
  }

  /** The count of `text.slice(start, end)`, computed by `count` (and remembered unless negative) the first time. */
  get(text: string, start: number, end: number, count: (preToken: string) => number): number {
    // FNV-1a over the UTF-16 code units.
    let hash = 0x811c9dc5;
    for (let index = start; index < end; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
    const length = end - start;
    const keys = this.#keys;
    let slot = hash & this.#mask;
    for (let key = keys[slot]; key !== undefined; key = keys[slot]) {
      if (this.#hashes[slot] === hash && key.length === length && sameCharacters(key, text, start)) return this.#counts[slot] as number;
      slot = (slot + 1) & this.#mask;
    }
    const preToken = text.slice(start, end);
    const tokens = count(preToken);
    if (tokens < 0) return tokens;
    if (this.#size >= this.#limit) {
      this.#clear();
      slot = hash & this.#mask;
    }
    keys[slot] = preToken;
    this.#hashes[slot] = hash;
    this.#counts[slot] = tokens;
    this.#size += 1;
    return tokens;
  }

  #clear(): void {
    this.#keys = new Array<string | undefined>(this.#keys.length);
    this.#hashes = new Int32Array(this.#hashes.length);
    this.#counts = new Int32Array(this.#counts.length);
    this.#size = 0;
  }
}

function sameCharacters(key: string, text: string, start: number): boolean {
  for (let index = 0; index < key.length; index += 1) if (key.charCodeAt(index) !== text.charCodeAt(start + index)) return false;
  return true;
}
