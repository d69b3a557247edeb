import type { EvidenceSentence } from './evidence.js';
import { bestMatch } from './text-analysis.js';

/** A title match counts half: a heading says what a passage is about, not what it states. */
const titleMatchFactor = 0.5;

export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface ScoredSentence {
  sentence: EvidenceSentence;
  /** Per question term, how well this sentence (or its passage title) covers it, 0..1. */
  matches: number[];
  /** Share of the question's weight covered, counting title matches. */
  coverage: number;
  /** Share covered by the sentence's own words. */
  ownCoverage: number;
  /** Coverage discounted for long sentences, which match more by chance. */
  score: number;
}

/**
 * Weighs each question term by how rare it is among the evidence sentences (BM25's idf).
 * A term found nowhere weighs most: a question about something the documents never mention
 * must not look answered because its generic words ("open", "time") appear somewhere.
 */
export function weighQuestionTerms(questionTerms: readonly string[], sentences: readonly EvidenceSentence[]): WeightedTerm[] {
  const count = sentences.length;
  return [...new Set(questionTerms)].map((term) => {
    const documentFrequency = sentences.filter((sentence) => bestMatch(term, sentence.terms) >= 0.8).length;
    return { term, weight: Math.log(1 + (count - documentFrequency + 0.5) / (documentFrequency + 0.5)) };
  });
}

export function scoreSentence(sentence: EvidenceSentence, question: readonly WeightedTerm[]): ScoredSentence {
  const totalWeight = question.reduce((total, { weight }) => total + weight, 0);
  let covered = 0;
  let ownCovered = 0;
  const matches = question.map(({ term, weight }) => {
    const own = bestMatch(term, sentence.terms);
    const match = Math.max(own, titleMatchFactor * bestMatch(term, sentence.titleTerms));
    covered += weight * match;
    ownCovered += weight * own;
    return match;
  });
  const coverage = totalWeight > 0 ? covered / totalWeight : 0;
  const ownCoverage = totalWeight > 0 ? ownCovered / totalWeight : 0;
  const lengthFactor = 1 / (1 + Math.max(0, sentence.wordCount - 30) / 30);
  return { sentence, matches, coverage, ownCoverage, score: coverage * lengthFactor };
}
