import { stemEnglishWord } from './english-stem.js';
import { retrievalStopwords } from './stopwords.js';

/** A word of a text as retrieval sees it. */
export interface TextTerm {
  /** The lowercased word without accents or apostrophes ("Don't" → "dont", "Café" → "cafe"). */
  word: string;
  /** The word's light stem ("revenues" → "revenue"). */
  stem: string;
}

const nonAsciiPattern = /[^\x00-\x7f]/;
const wordPattern = /[\p{L}\p{N}]+/gu;
/** The same words in lowercased ASCII text, where Unicode property classes are needlessly slow. */
const asciiWordPattern = /[a-z0-9]+/g;

/**
 * Splits a text into lowercased words, removing accents and apostrophes first so "café" and
 * "cafe", "don't" and "dont" are the same word. Plain ASCII, the common case, skips Unicode
 * normalisation, which dominates the cost on large texts.
 */
export function textWords(text: string): string[] {
  const lowercased = text.toLowerCase();
  if (!nonAsciiPattern.test(lowercased)) return lowercased.replace(/'/g, '').match(asciiWordPattern) ?? [];
  const normalised = lowercased.normalize('NFKD').replace(/\p{M}+/gu, '');
  return normalised.replace(/['’]/g, '').match(wordPattern) ?? [];
}

/** The topic words of a text, in order, with their stems: stopwords are dropped. */
export function contentTerms(text: string): TextTerm[] {
  const terms: TextTerm[] = [];
  for (const word of textWords(text)) {
    if (!retrievalStopwords.has(word)) terms.push({ word, stem: stemEnglishWord(word) });
  }
  return terms;
}
