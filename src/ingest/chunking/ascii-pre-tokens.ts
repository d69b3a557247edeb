/**
 * The o200k pre-tokenizer's cuts in ASCII text, by hand: the chunker counts the tokens of every
 * sentence of every document, and running the pattern (`O200K_TOKEN_SPLIT_REGEX`, with Unicode
 * property classes) once per pre-token was most of that time. Checked against the pattern itself
 * by test/ingest/chunking/ascii-pre-tokens.test.ts on random and real text.
 *
 * For ASCII the pattern's alternatives, tried in order at each position, come down to:
 * 1–2. an optional prefix (any character but a letter, a digit, `\r` or `\n`), then a run of
 *      capitals and the run of lowercase letters after it, then an optional contraction
 *      (`'s`, `'d`, `'m`, `'t`, `'ll`, `'ve`, `'re`, any case);
 * 3.   one to three digits;
 * 4.   an optional space, a run of symbols (not whitespace, letter or digit), then any `\r`, `\n`
 *      or `/`;
 * 5.   whitespace through its last `\r` or `\n`, when the run holds one;
 * 6–7. otherwise the whitespace run, less its last character when a non-space follows and the
 *      run is longer than one.
 */

const enum Kind {
  Other = 0,
  Upper = 1,
  Lower = 2,
  Digit = 3,
  /** `\r` and `\n`. */
  LineBreak = 4,
  /** Whitespace other than line breaks: space, tab, vertical tab, form feed. */
  Space = 5,
}

const kinds = new Uint8Array(128);
for (let code = 0x41; code <= 0x5a; code += 1) kinds[code] = Kind.Upper;
for (let code = 0x61; code <= 0x7a; code += 1) kinds[code] = Kind.Lower;
for (let code = 0x30; code <= 0x39; code += 1) kinds[code] = Kind.Digit;
kinds[0x0a] = Kind.LineBreak;
kinds[0x0d] = Kind.LineBreak;
for (const code of [0x09, 0x0b, 0x0c, 0x20]) kinds[code] = Kind.Space;

/** Returned when the text holds a non-ASCII character where the cut depends on it. */
export const notAscii = -1;
const endOfText = -2;

/** The kind of the character at `index`, {@link endOfText} past the end, or {@link notAscii}. */
function kindAt(text: string, index: number): number {
  if (index >= text.length) return endOfText;
  const code = text.charCodeAt(index);
  return code < 0x80 ? (kinds[code] as number) : notAscii;
}

/**
 * Where the pre-token that starts at `start` (< text.length) ends, or {@link notAscii} when
 * a character the decision reads is not ASCII (the caller then uses the pattern itself).
 */
export function asciiPreTokenEnd(text: string, start: number): number {
  const first = kindAt(text, start);
  if (first === notAscii) return notAscii;
  if (first === Kind.Upper || first === Kind.Lower) return wordEnd(text, start);
  if (first === Kind.Digit) {
    let end = start + 1;
    let kind = kindAt(text, end);
    while (end < start + 3 && kind === Kind.Digit) kind = kindAt(text, ++end);
    // A non-ASCII digit would continue the number.
    return end < start + 3 && kind === notAscii ? notAscii : end;
  }
  const second = kindAt(text, start + 1);
  if (second === notAscii) return notAscii;
  if (first !== Kind.LineBreak && (second === Kind.Upper || second === Kind.Lower)) return wordEnd(text, start + 1);
  if (first === Kind.Other) return symbolsEnd(text, start);
  if (first === Kind.Space && text.charCodeAt(start) === 0x20 && second === Kind.Other) return symbolsEnd(text, start + 1);
  return whitespaceEnd(text, start);
}

/** Capitals, then lowercase letters, then an optional contraction, from a letter at `start`. */
function wordEnd(text: string, start: number): number {
  let end = start;
  let kind = kindAt(text, end);
  while (kind === Kind.Upper) kind = kindAt(text, ++end);
  while (kind === Kind.Lower) kind = kindAt(text, ++end);
  if (kind === notAscii) return notAscii;
  if (text.charCodeAt(end) !== 0x27) return end;
  const next = text.charCodeAt(end + 1) | 0x20;
  if (next === 0x73 || next === 0x64 || next === 0x6d || next === 0x74) return end + 2;
  const after = text.charCodeAt(end + 2) | 0x20;
  if ((next === 0x6c && after === 0x6c) || (next === 0x76 && after === 0x65) || (next === 0x72 && after === 0x65)) return end + 3;
  // A non-ASCII character after the apostrophe cannot start a contraction either.
  return end;
}

/** A run of symbols from `start`, then any `\r`, `\n` or `/`. */
function symbolsEnd(text: string, start: number): number {
  let end = start;
  let kind = kindAt(text, end);
  while (kind === Kind.Other) kind = kindAt(text, ++end);
  if (kind === notAscii) return notAscii;
  while (kind === Kind.LineBreak || (kind === Kind.Other && text.charCodeAt(end) === 0x2f)) kind = kindAt(text, ++end);
  return end;
}

/** Whitespace from `start`: through its last line break, else all of it or all but its last character. */
function whitespaceEnd(text: string, start: number): number {
  let end = start;
  let lastLineBreak = -1;
  let kind = kindAt(text, end);
  while (kind === Kind.Space || kind === Kind.LineBreak) {
    if (kind === Kind.LineBreak) lastLineBreak = end;
    kind = kindAt(text, ++end);
  }
  if (kind === notAscii) return notAscii;
  if (lastLineBreak >= 0) return lastLineBreak + 1;
  if (kind === endOfText || end - start === 1) return end;
  return end - 1;
}
