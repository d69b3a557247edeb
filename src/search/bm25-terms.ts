import { stemmer } from 'stemmer';
import { fullTextQueryTerms } from './bm25-query.js';
import { retrievalStopwords } from './stopwords.js';

/** A text as the BM25 index sees it: how often each indexed term occurs, and its length in words. */
export interface Bm25Document {
  /** Term → occurrences; stopwords and one-letter words are counted in `length` but not indexed. */
  termFrequencies: Map<string, number>;
  /** Every word, stopwords included, as FTS5 and PostgreSQL count a document's length. */
  length: number;
}

const wordPattern = /[\p{L}\p{N}]+/gu;
const nonAsciiPattern = /[^\x00-\x7f]/;

/**
 * Porter stems by word. Word frequencies are Zipfian, so a bounded cache makes nearly every
 * lookup a hit; it is emptied when full, which only costs recomputing.
 */
const stemCache = new Map<string, string>();
const stemCacheCapacity = 200_000;

/**
 * A word's index term: its Porter stem, the stemmer SQLite FTS5's `porter` tokenizer and
 * PostgreSQL's `english` configuration use, so the in-process index and the database's
 * full-text search agree on which words match ("revenues" and "revenue", "grew" not "grow").
 */
export function bm25Term(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    if (stemCache.size >= stemCacheCapacity) stemCache.clear();
    stem = stemmer(word);
    stemCache.set(word, stem);
  }
  return stem;
}

/**
 * Splits a text the way FTS5's `unicode61` tokenizer and PostgreSQL's parser do (runs of
 * letters and digits, lowercased, accents removed; "don't" gives "don" and "t"), so its words
 * line up with {@link fullTextQueryTerms} of a question.
 */
export function bm25Document(text: string): Bm25Document {
  const lowered = text.toLowerCase();
  const termFrequencies = new Map<string, number>();
  const count = (word: string) => {
    if (word.length < 2 || retrievalStopwords.has(word)) return;
    const term = bm25Term(word);
    termFrequencies.set(term, (termFrequencies.get(term) ?? 0) + 1);
  };
  let length = 0;
  if (nonAsciiPattern.test(lowered)) {
    for (const match of lowered.normalize('NFKD').replace(/\p{M}+/gu, '').matchAll(wordPattern)) {
      length++;
      count(match[0]);
    }
    return { termFrequencies, length };
  }
  // Plain ASCII, the common case: a char-code scan instead of a Unicode regex, twice as fast
  // on large texts, splitting at the same places (letters and digits are the ASCII \p{L}\p{N}).
  let start = -1;
  for (let position = 0; position <= lowered.length; position++) {
    const code = position < lowered.length ? lowered.charCodeAt(position) : 0;
    const isWordCharacter = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    if (isWordCharacter) {
      if (start < 0) start = position;
    } else if (start >= 0) {
      length++;
      count(lowered.slice(start, position));
      start = -1;
    }
  }
  return { termFrequencies, length };
}

/**
 * A question's search terms for the BM25 index: {@link fullTextQueryTerms} (the same words the
 * database's full-text query ORs), stemmed and de-duplicated. Empty when the question has only
 * stopwords, which the index does not hold.
 */
export function bm25QueryTerms(question: string): string[] {
  const words = fullTextQueryTerms(question).filter((word) => word.length > 1 && !retrievalStopwords.has(word));
  return [...new Set(words.map(bm25Term))];
}
