import type { OfflineExample } from './offline-knowledge.js';
import { bestMatch, characterTrigrams, contentTerms, diceCoefficient } from './text-analysis.js';

/** How similar a question must be to a stored one for the stored answer to be given verbatim. */
export const faqMatchThreshold = 0.6;

export interface FaqMatch {
  example: OfflineExample;
  similarity: number;
}

/**
 * Finds the stored question closest to the user's, tolerating paraphrase (shared stems,
 * synonyms) and typos (character trigrams). Below {@link faqMatchThreshold} there is no match:
 * giving a stored answer to a different question is worse than answering from documents.
 */
export function matchFaq(question: string, examples: readonly OfflineExample[]): FaqMatch | undefined {
  const questionTerms = contentTerms(question);
  if (questionTerms.length === 0) return undefined;
  let best: FaqMatch | undefined;
  for (const example of examples) {
    const similarity = questionSimilarity(questionTerms, contentTerms(example.question));
    if (!best || similarity > best.similarity) best = { example, similarity };
  }
  return best && best.similarity >= faqMatchThreshold ? best : undefined;
}

/**
 * Blends a symmetric soft term overlap (each side's terms found in the other, so neither extra
 * words in the user's question nor in the stored one are free) with a trigram Dice score.
 */
export function questionSimilarity(left: readonly string[], right: readonly string[]): number {
  if (left.length === 0 || right.length === 0) return 0;
  const leftSet = new Set(left);
  const rightSet = new Set(right);
  let matched = 0;
  for (const term of leftSet) matched += bestMatch(term, rightSet);
  for (const term of rightSet) matched += bestMatch(term, leftSet);
  const termOverlap = matched / (leftSet.size + rightSet.size);
  const trigramOverlap = diceCoefficient(characterTrigrams(left), characterTrigrams(right));
  return 0.75 * termOverlap + 0.25 * trigramOverlap;
}
