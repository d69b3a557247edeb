import { decode, encode } from 'gpt-tokenizer';
import { countTokens } from './token-counter.js';
import { countShort } from './token-parts.js';

export interface TextPiece {
  text: string;
  /** Exact tokens of `text`. */
  tokenCount: number;
}

/**
 * Cuts a piece of text that is longer than `maximumTokens` on its own (a run-on sentence, a
 * giant table cell) into pieces that fit: at spaces where possible, and by token boundaries only
 * for a single word that is itself too long. Word counts are summed rather than recounted
 * (the tokenizer never merges across a space after a non-space, see token-parts.ts), keeping
 * this linear; the sums are the pieces' exact counts.
 */
export function splitToTokenLimit(text: string, maximumTokens: number, tokens = countTokens(text)): TextPiece[] {
  if (tokens <= maximumTokens) return [{ text, tokenCount: tokens }];
  const pieces: TextPiece[] = [];
  let current: string[] = [];
  let currentTokens = 0;
  const flush = (): void => {
    if (current.length > 0) pieces.push({ text: current.join(' '), tokenCount: currentTokens });
    current = [];
    currentTokens = 0;
  };
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    // A text without spaces is one word, already counted.
    const alone = (): number => (word === text ? tokens : countShort(word));
    const spaced = current.length > 0;
    const wordTokens = spaced ? countShort(` ${word}`) : alone();
    if (currentTokens + wordTokens <= maximumTokens) {
      current.push(word);
      currentTokens += wordTokens;
      continue;
    }
    flush();
    const aloneTokens = spaced ? alone() : wordTokens;
    if (aloneTokens <= maximumTokens) {
      current.push(word);
      currentTokens = aloneTokens;
      continue;
    }
    const wordTokenIds = encode(word, { disallowedSpecial: new Set() });
    for (let start = 0; start < wordTokenIds.length; start += maximumTokens) {
      const piece = decode(wordTokenIds.slice(start, start + maximumTokens));
      // Decoded pieces can tokenize differently on their own, so they are counted.
      pieces.push({ text: piece, tokenCount: countTokens(piece) });
    }
  }
  flush();
  return pieces;
}
