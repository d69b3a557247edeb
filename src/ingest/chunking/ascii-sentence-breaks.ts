/**
 * Sentence boundaries of pure-ASCII text by the rules of Unicode's UAX #29 (SB1–SB11), which is
 * what ICU's sentence segmenter implements; ICU ran at a few tens of MB/s and was a fifth of the
 * chunker's time. Only ASCII is handled here, where every character's Sentence_Break class is
 * plain (no Extend, Format, OLetter or Sep characters exist below U+0080); other text goes to
 * ICU. test/ingest/sentence-split.test.ts checks this against `Intl.Segmenter` on random text.
 */

const enum Kind {
  Other,
  Cr,
  Lf,
  Sp,
  Lower,
  Upper,
  Numeric,
  ATerm,
  STerm,
  Close,
  SContinue,
}

const kinds = new Uint8Array(128);
for (let code = 0x61; code <= 0x7a; code++) kinds[code] = Kind.Lower;
for (let code = 0x41; code <= 0x5a; code++) kinds[code] = Kind.Upper;
for (let code = 0x30; code <= 0x39; code++) kinds[code] = Kind.Numeric;
for (const code of [0x09, 0x0b, 0x0c, 0x20]) kinds[code] = Kind.Sp;
for (const character of `"'()[]{}`) kinds[character.charCodeAt(0)] = Kind.Close;
for (const character of ',-:;') kinds[character.charCodeAt(0)] = Kind.SContinue;
kinds[0x0d] = Kind.Cr;
kinds[0x0a] = Kind.Lf;
kinds[0x2e] = Kind.ATerm;
kinds[0x21] = Kind.STerm;
kinds[0x3f] = Kind.STerm;

function kindAt(text: string, index: number): Kind {
  return kinds[text.charCodeAt(index)] as Kind;
}

function isTerminator(kind: Kind): boolean {
  return kind === Kind.ATerm || kind === Kind.STerm;
}

function isParagraphSeparator(kind: Kind): boolean {
  return kind === Kind.Cr || kind === Kind.Lf;
}

/** Whether `text` is ASCII only, so {@link asciiSentenceBreaks} applies. */
export function isAscii(text: string): boolean {
  return !nonAsciiPattern.test(text);
}

const nonAsciiPattern = /[^\x00-\x7f]/;

/**
 * The end offsets of the sentences of ASCII `text`, the last being `text.length` (none for empty
 * text). One pass: the context SB8–SB11 look back for (a terminator, closing punctuation, spaces)
 * is carried along, and SB8's look-ahead is remembered, so hostile runs stay linear.
 */
export function asciiSentenceBreaks(text: string): number[] {
  const breaks: number[] = [];
  const lookahead = new LowercaseLookahead(text);
  // The terminator of a "terminator Close* Sp*" run ending just before `index`, if any.
  let terminator: Kind | undefined;
  let spaced = false;
  for (let index = 1; index < text.length; index++) {
    const before = kindAt(text, index - 1);
    if (before === Kind.Other || before === Kind.Lower || before === Kind.Upper || before === Kind.Numeric) {
      // The common case: no rule breaks after a letter, digit or other symbol.
      terminator = undefined;
      continue;
    }
    if (isTerminator(before)) {
      terminator = before;
      spaced = false;
    } else if (before === Kind.Sp && terminator !== undefined) spaced = true;
    else if (!(before === Kind.Close && terminator !== undefined && !spaced)) terminator = undefined;
    if (breaksAt(text, index, before, terminator, spaced, lookahead)) breaks.push(index);
  }
  if (text.length > 0) breaks.push(text.length);
  return breaks;
}

function breaksAt(text: string, index: number, before: Kind, terminator: Kind | undefined, spaced: boolean, lookahead: LowercaseLookahead): boolean {
  const after = kindAt(text, index);
  if (before === Kind.Cr && after === Kind.Lf) return false; // SB3
  if (isParagraphSeparator(before)) return true; // SB4
  if (before === Kind.ATerm) {
    if (after === Kind.Numeric) return false; // SB6
    if (after === Kind.Upper && index >= 2) {
      const letter = kindAt(text, index - 2);
      if (letter === Kind.Upper || letter === Kind.Lower) return false; // SB7
    }
  }
  if (terminator === undefined) return false; // SB998
  if (terminator === Kind.ATerm && lookahead.lowercaseFrom(index)) return false; // SB8
  if (after === Kind.SContinue || isTerminator(after)) return false; // SB8a
  if (!spaced && (after === Kind.Close || after === Kind.Sp || isParagraphSeparator(after))) return false; // SB9
  if (after === Kind.Sp || isParagraphSeparator(after)) return false; // SB10
  return true; // SB11
}

/** SB8's look-ahead: anything but letters, paragraph separators and terminators, then a lowercase letter. */
class LowercaseLookahead {
  /** The first letter, paragraph separator or terminator at or after `#from`. */
  #at = -1;
  #from = -1;

  constructor(private readonly text: string) {}

  lowercaseFrom(index: number): boolean {
    if (index < this.#from || index > this.#at) {
      this.#from = index;
      this.#at = index;
      while (this.#at < this.text.length && !isSignificant(kindAt(this.text, this.#at))) this.#at++;
    }
    return this.#at < this.text.length && kindAt(this.text, this.#at) === Kind.Lower;
  }
}

function isSignificant(kind: Kind): boolean {
  return kind === Kind.Lower || kind === Kind.Upper || isParagraphSeparator(kind) || isTerminator(kind);
}
