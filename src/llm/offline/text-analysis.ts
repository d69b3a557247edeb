import { stem } from './stem.js';
import { stopwords } from './stopwords.js';
import { areSynonyms } from './synonyms.js';

/** Lowercased words with accents and apostrophes removed ("Don't" → "dont", "café" → "cafe"). */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** After "how", these words ask for a quantity ("how long", "how much") rather than name a topic. */
const quantityWords = new Set(['long', 'much', 'many', 'often', 'soon', 'far', 'big', 'old']);

/** Abbreviations written out, so "CEO" meets "chief executive officer" in either direction. */
const abbreviations: ReadonlyMap<string, readonly string[]> = new Map([
  ['ceo', ['chief', 'executive', 'officer']],
  ['cfo', ['chief', 'financial', 'officer']],
  ['coo', ['chief', 'operating', 'officer']],
  ['cto', ['chief', 'technology', 'officer']],
  ['hr', ['human', 'resources']],
  ['agm', ['annual', 'general', 'meeting']],
  ['faq', ['frequently', 'asked', 'questions']],
]);

/** The stems of a text's topic words: what matching compares. */
export function contentTerms(text: string): string[] {
  return words(text)
    .filter((word, index, all) => !stopwords.has(word) && !(quantityWords.has(word) && all[index - 1] === 'how'))
    .flatMap((word) => abbreviations.get(word) ?? [word])
    .map(stem);
}

/**
 * How much two terms mean the same: 1 for the same stem, less for a shared root, a one-letter
 * typo ("pasword") or a synonym.
 */
export function termSimilarity(left: string, right: string): number {
  if (left === right) return 1;
  // Numbers, years and codes ("2023", "s4") match only exactly: 2023 is no typo for 2024.
  if (/\d/.test(left) || /\d/.test(right)) return 0;
  if (sharesRoot(left, right)) return 0.8;
  if (Math.min(left.length, right.length) >= 5 && isOneEditApart(left, right)) return 0.8;
  if (areSynonyms(left, right)) return 0.7;
  return 0;
}

/** One inserted, deleted, replaced or swapped letter (Damerau distance 1). */
function isOneEditApart(left: string, right: string): boolean {
  if (Math.abs(left.length - right.length) > 1) return false;
  let start = 0;
  while (start < left.length && left[start] === right[start]) start++;
  if (left.length === right.length) {
    const swapped = left[start] === right[start + 1] && left[start + 1] === right[start];
    return left.slice(start + 1) === right.slice(start + 1) || (swapped && left.slice(start + 2) === right.slice(start + 2));
  }
  const [shorter, longer] = left.length < right.length ? [left, right] : [right, left];
  return shorter.slice(start) === longer.slice(start + 1);
}

/** "register" and "registr(ation)", "inform" and "information": one is a long prefix of the other. */
function sharesRoot(left: string, right: string): boolean {
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  return shorter.length >= 5 && longer.startsWith(shorter) && longer.length - shorter.length <= 4;
}

/** Credit for words that only share most of their letters ("storage" and "stored"). */
const trigramMatchCredit = 0.5;
/** Trigram Dice two words must reach to count as related. */
const minimumTrigramDice = 0.6;

/**
 * {@link termSimilarity}, falling back to character trigrams for longer words, so forms the
 * light stemmer leaves apart still count a little. Only for scoring sentences: it is too loose
 * to decide that a term occurs in a passage.
 */
export function softTermSimilarity(left: string, right: string): number {
  const similarity = termSimilarity(left, right);
  if (similarity > 0 || Math.min(left.length, right.length) < 5 || /\d/.test(left) || /\d/.test(right)) return similarity;
  return diceCoefficient(characterTrigrams([left]), characterTrigrams([right])) >= minimumTrigramDice ? trigramMatchCredit : 0;
}

/** The best soft similarity between a term and any term of a set. */
export function bestSoftMatch(term: string, terms: ReadonlySet<string>): number {
  if (terms.has(term)) return 1;
  let best = 0;
  for (const candidate of terms) best = Math.max(best, softTermSimilarity(term, candidate));
  return best;
}

/** The best similarity between a term and any term of a set. */
export function bestMatch(term: string, terms: ReadonlySet<string>): number {
  if (terms.has(term)) return 1;
  let best = 0;
  for (const candidate of terms) best = Math.max(best, termSimilarity(term, candidate));
  return best;
}

/** Character trigrams of the words, padded so word starts and ends count: tolerates typos. */
export function characterTrigrams(terms: readonly string[]): Set<string> {
  const trigrams = new Set<string>();
  for (const term of terms) {
    const padded = ` ${term} `;
    for (let index = 0; index + 3 <= padded.length; index++) trigrams.add(padded.slice(index, index + 3));
  }
  return trigrams;
}

/** Dice coefficient of two sets: 2·|A∩B| / (|A|+|B|). */
export function diceCoefficient(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const item of left) if (right.has(item)) shared++;
  return (2 * shared) / (left.size + right.size);
}
