import { decode, encode } from 'gpt-tokenizer';
import { countTextTokens } from '../../llm/token-count.js';

/**
 * Cuts a piece of text that is longer than `maximumTokens` on its own (a run-on sentence, a
 * giant table cell) into pieces that fit: at spaces where possible, and by token boundaries only
 * for a single word that is itself too long. Word counts are summed rather than recounted
 * (the tokenizer never merges across a space-prefixed word boundary), keeping this linear.
 */
export function splitToTokenLimit(text: string, maximumTokens: number): string[] {
  if (countTextTokens(text) <= maximumTokens) return [text];
  const pieces: string[] = [];
  let current: string[] = [];
  let currentTokens = 0;
  const flush = (): void => {
    if (current.length > 0) pieces.push(current.join(' '));
    current = [];
    currentTokens = 0;
  };
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    const wordTokens = countTextTokens(current.length === 0 ? word : ` ${word}`);
    if (currentTokens + wordTokens <= maximumTokens) {
      current.push(word);
      currentTokens += wordTokens;
      continue;
    }
    flush();
    if (countTextTokens(word) <= maximumTokens) {
      current.push(word);
      currentTokens = countTextTokens(word);
      continue;
    }
    const tokens = encode(word, { disallowedSpecial: new Set() });
    for (let start = 0; start < tokens.length; start += maximumTokens) {
      pieces.push(decode(tokens.slice(start, start + maximumTokens)));
    }
  }
  flush();
  return pieces;
}
