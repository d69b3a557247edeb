/** A top-level item of a JSON array or object, as text: the key's JSON (objects only) and the value's. */
export interface JsonItemText {
  key?: string;
  value: string;
}

type State = 'start' | 'item' | 'key' | 'colon' | 'value-start' | 'value' | 'end';

const openArray = 0x5b;
const closeArray = 0x5d;
const openObject = 0x7b;
const closeObject = 0x7d;
const quote = 0x22;
const backslash = 0x5c;
const comma = 0x2c;
const colon = 0x3a;

/**
 * Cuts JSON text arriving in pieces into the top-level items of its array or object without
 * parsing them, so a large file of records is read one item at a time. It follows only strings,
 * nesting and the punctuation between items; each item's own syntax is left to `JSON.parse`.
 * Text it cannot cut this way (a top-level string or number, a missing colon, a trailing comma,
 * anything after the end) sets {@link JsonItemScanner.failed}: the caller then reads the text
 * whole, so malformed JSON is reported exactly as a whole-text parse reports it.
 */
export class JsonItemScanner {
  failed = false;
  /** Whether the top-level value is an array (else an object), once known. */
  array = false;
  #state: State = 'start';
  /** After the opening bracket, before any item: a closing bracket is allowed there. */
  #empty = true;
  #depth = 0;
  #inString = false;
  #escaped = false;
  #key = '';
  #value = '';

  /** Scans the next piece; returns the items it completed. */
  scan(piece: string): JsonItemText[] {
    const items: JsonItemText[] = [];
    let start = 0;
    for (let index = 0; index < piece.length && !this.failed; index++) {
      const character = piece.charCodeAt(index);
      switch (this.#state) {
        case 'key':
          if (this.#string(character)) continue;
          this.#key += piece.slice(start, index + 1);
          this.#state = 'colon';
          continue;
        case 'value':
          if (!this.#endsValue(character)) continue;
          this.#value += piece.slice(start, index);
          items.push(this.array ? { value: this.#value } : { key: this.#key, value: this.#value });
          this.#key = '';
          this.#value = '';
          this.#afterItem(character);
          continue;
      }
      if (isWhitespace(character)) continue;
      start = index;
      this.#punctuation(character);
    }
    if (this.#state === 'key') this.#key += piece.slice(start);
    else if (this.#state === 'value') this.#value += piece.slice(start);
    return items;
  }

  /** The text ended; false when it was not one whole array or object. */
  end(): boolean {
    if (this.#state !== 'end') this.failed = true;
    return !this.failed;
  }

  /** A character outside keys and values that is not whitespace. */
  #punctuation(character: number): void {
    switch (this.#state) {
      case 'start':
        if (character !== openArray && character !== openObject) return this.#fail();
        this.array = character === openArray;
        this.#state = 'item';
        return;
      case 'item':
        if (this.#empty && character === (this.array ? closeArray : closeObject)) {
          this.#state = 'end';
          return;
        }
        this.#empty = false;
        if (this.array) return this.#startValue(character);
        if (character !== quote) return this.#fail();
        this.#state = 'key';
        this.#inString = true;
        this.#escaped = false;
        return;
      case 'colon':
        if (character !== colon) return this.#fail();
        this.#state = 'value-start';
        return;
      case 'value-start':
        return this.#startValue(character);
      default:
        this.#fail();
    }
  }

  #startValue(character: number): void {
    if (character === comma || character === closeArray || character === closeObject) return this.#fail();
    this.#state = 'value';
    this.#depth = 0;
    this.#inString = false;
    this.#escaped = false;
    this.#endsValue(character);
  }

  #afterItem(character: number): void {
    if (character === comma) this.#state = 'item';
    else if (character === (this.array ? closeArray : closeObject)) this.#state = 'end';
    else this.#fail();
  }

  /** Follows a string's characters; false at its closing quote. */
  #string(character: number): boolean {
    if (this.#escaped) this.#escaped = false;
    else if (character === backslash) this.#escaped = true;
    else if (character === quote) {
      this.#inString = false;
      return false;
    }
    return true;
  }

  /** Follows a value's characters; true at the comma or bracket just after it. */
  #endsValue(character: number): boolean {
    if (this.#inString) {
      this.#string(character);
      return false;
    }
    if (character === quote) this.#inString = true;
    else if (character === openArray || character === openObject) this.#depth += 1;
    else if (character === closeArray || character === closeObject) {
      if (this.#depth === 0) return true;
      this.#depth -= 1;
    } else if (character === comma && this.#depth === 0) return true;
    return false;
  }

  #fail(): void {
    this.failed = true;
  }
}

function isWhitespace(character: number): boolean {
  return character === 0x20 || character === 0x0a || character === 0x0d || character === 0x09;
}
