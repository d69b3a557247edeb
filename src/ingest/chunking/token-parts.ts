import { countTokens } from './token-counter.js';

/**
 * Exact token counts of joined texts from counts taken once per part.
 *
 * `countTextTokens` (o200k) first cuts text into pre-tokens with a regular expression, then
 * encodes each pre-token on its own, so a text's count is the sum of the counts of pieces cut at
 * positions no pre-token can span. Two kinds of position qualify whatever text surrounds them
 * ("fixed boundaries"), which follows from the o200k pattern's alternatives: letter runs with an
 * optional leading non-letter and an optional `'s`-style suffix; 1–3 digits; an optional space,
 * a run of other symbols and then any `\r`, `\n` or `/`; and whitespace runs.
 *
 * - Whitespace other than `\r` and `\n` right after a non-whitespace character: whitespace only
 *   ever follows another character inside a pre-token as more whitespace, or as the `\r`/`\n`
 *   after a run of symbols.
 * - Any character except a letter, a mark or `'` right after a letter: a letter is only ever
 *   followed inside a pre-token by letters, marks or a contraction suffix starting with `'`.
 *
 * Matching restarts at such a position exactly as at the start of a text (the pattern looks
 * behind nothing, and at its end looks ahead only for more whitespace, which both the end of a
 * text and the next character rule out), so the pieces between fixed boundaries tokenize alone
 * as they do in place. A chunk's count is then the counts of its units' insides, known from one
 * count of each unit, plus the counts of the short pieces around each join: the last word of one
 * unit, the separator and the first word of the next (`". The"`, `".\n\nNext"`), which repeat
 * and are cached. A unit without a fixed boundary (one word, unspaced CJK) joins its neighbours'
 * pieces and is counted with them, which stays exact.
 */

/** The parts of a text around its first and last fixed boundary, with their token counts. */
export interface TextParts {
  /** Tokens of the whole text. */
  tokens: number;
  /** The text before its first fixed boundary, or the whole text when it has none. */
  head: string;
  /** The text from its last fixed boundary; `undefined` when it has none. */
  tail: string | undefined;
  headTokens: number;
  tailTokens: number;
  /** Tokens between the first and last fixed boundary: `tokens - headTokens - tailTokens`. */
  inner: number;
}

const shortTextLimit = 64;
const shortCountCacheSize = 65_536;
const shortCounts = new Map<string, number>();

/** `countTextTokens`, remembered for short texts (separators, first and last words, joins). */
export function countShort(text: string): number {
  if (text.length > shortTextLimit) return countTokens(text);
  const known = shortCounts.get(text);
  if (known !== undefined) return known;
  const tokens = countTokens(text);
  if (shortCounts.size >= shortCountCacheSize) shortCounts.clear();
  shortCounts.set(text, tokens);
  return tokens;
}

const letter = /\p{L}/u;
const letterOrMark = /[\p{L}\p{M}]/u;
const whitespace = /\s/u;

function isWhitespace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code >= 0xd800 && code <= 0xdfff) return false;
  return whitespace.test(String.fromCharCode(code));
}

function isAsciiLetter(code: number): boolean {
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** Whether the code point ending at `end` (exclusive) is a letter. */
function letterEndsAt(text: string, end: number): boolean {
  const code = text.charCodeAt(end - 1);
  if (code < 0x80) return isAsciiLetter(code);
  if (code >= 0xdc00 && code <= 0xdfff) {
    if (end < 2) return false;
    const high = text.charCodeAt(end - 2);
    if (high < 0xd800 || high > 0xdbff) return false;
    return letter.test(text.slice(end - 2, end));
  }
  if (code >= 0xd800 && code <= 0xdbff) return false;
  return letter.test(String.fromCharCode(code));
}

/** Whether the code point starting at `start` is a letter or a mark. */
function letterOrMarkStartsAt(text: string, start: number): boolean {
  const code = text.charCodeAt(start);
  if (code < 0x80) return isAsciiLetter(code);
  if (code >= 0xdc00 && code <= 0xdfff) return true; // the middle of a pair is never a boundary
  if (code >= 0xd800 && code <= 0xdbff) return letterOrMark.test(text.slice(start, start + 2));
  return letterOrMark.test(String.fromCharCode(code));
}

/** Whether no pre-token can span position `index` (0 < index < length) whatever text surrounds this one. */
export function isFixedBoundary(text: string, index: number): boolean {
  const at = text.charCodeAt(index);
  if (isWhitespace(at)) {
    if (isWhitespace(text.charCodeAt(index - 1))) return false;
    if (at !== 0x0a && at !== 0x0d) return true;
    return letterEndsAt(text, index);
  }
  if (at === 0x27) return false;
  return letterEndsAt(text, index) && !letterOrMarkStartsAt(text, index);
}

/** Counts a text once and splits off its first and last word-sized pieces for exact joins. */
export function textParts(text: string, tokens: number): TextParts {
  let first = -1;
  for (let index = 1; index < text.length; index += 1) {
    if (isFixedBoundary(text, index)) {
      first = index;
      break;
    }
  }
  if (first < 0) return { tokens, head: text, tail: undefined, headTokens: tokens, tailTokens: 0, inner: 0 };
  let last = first;
  for (let index = text.length - 1; index > first; index -= 1) {
    if (isFixedBoundary(text, index)) {
      last = index;
      break;
    }
  }
  const head = text.slice(0, first);
  const tail = text.slice(last);
  const headTokens = countShort(head);
  const tailTokens = countShort(tail);
  return { tokens, head, tail, headTokens, tailTokens, inner: tokens - headTokens - tailTokens };
}

/**
 * Adds up the exact token count of a text built piece by piece. Pieces with fixed boundaries
 * contribute their known inside; the text between two fixed boundaries is counted as a whole.
 */
export class TokenTally {
  private total = 0;
  private pending = '';
  /** Tokens of `pending` when it is exactly the tail of the last piece. */
  private pendingTokens: number | undefined;

  /** Appends a text that has fixed boundaries (`parts.tail` defined) or none (counted with its neighbours). */
  add(text: string, parts: TextParts): void {
    if (parts.tail === undefined) {
      this.addJoin(text);
      return;
    }
    this.total += (this.pending === '' ? parts.headTokens : countShort(this.pending + parts.head)) + parts.inner;
    this.pending = parts.tail;
    this.pendingTokens = parts.tailTokens;
  }

  /** Appends a text without fixed boundaries, such as a whitespace separator. */
  addJoin(text: string): void {
    if (text === '') return;
    this.pending += text;
    this.pendingTokens = undefined;
  }

  tokens(): number {
    if (this.pending === '') return this.total;
    return this.total + (this.pendingTokens ?? countShort(this.pending));
  }
}
