import { holdsAnswerType } from './answer-types.js';
import type { EvidenceSentence } from './evidence.js';
import { genericTermFactor, genericTerms } from './generic-terms.js';
import type { QuestionAnalysis } from './question-analysis.js';
import { isTextCell, readRow } from './row-answer.js';
import type { TableCell } from './passage-structure.js';
import { bestMatch, bestSoftMatch } from './text-analysis.js';

/** Similarity at which a term counts as present: same stem, shared root or a typo, not a synonym. */
const presentSimilarity = 0.8;
/** Each step down the retrieval ranking costs this share of a sentence's score. */
const rankPenalty = 0.04;
/** How far down the ranking the penalty keeps growing. */
const maximumRankPenalised = 10;
/**
 * A row about one part ("Region: EMEA") the question does not name answers a question about the
 * whole less well than a sentence that covers as much: "the gross margin in 2024" is the
 * group's, not EMEA's.
 */
const partialRowFactor = 0.8;
/** Sentences stating the measure in the form asked for (money for a price) are preferred. */
const formBonus = 1.15;
/** The share of its weight a specific term keeps in the coverage. */
const specificTermFactor = 0.5;
/** Sentences naming a person or place are preferred for "who" and "where". */
const nameBonus = 1.15;

export interface WeightedTerm {
  term: string;
  weight: number;
  specific: boolean;
  /** How many sources mention the term anywhere. */
  sourceCount: number;
  /** Whether any source uses the term in some form (a synonym, a related word). */
  related: boolean;
}

export interface ScoredSentence {
  sentence: EvidenceSentence;
  /** Per question term, how well this sentence (or its headings) covers it, 0..1. */
  matches: number[];
  /** Share of the question's weight covered, counting heading matches. */
  coverage: number;
  /** Share covered by the sentence's own words. */
  ownCoverage: number;
  /** Share covered by its headings alone. */
  contextCoverage: number;
  /** The question's specific terms the sentence or its headings state. */
  supported: ReadonlySet<string>;
  /** Whether the sentence holds the kind of answer the question asks for. */
  holdsAnswerType: boolean;
  /** Coverage adjusted for length, retrieval rank and answer type: what ranks candidates. */
  score: number;
}

/**
 * Weighs each question term by how rare it is among the sources (an idf, smoothed so that a
 * term every passage shares still counts a little), and generic framing words ("happen",
 * "page", "number") at a fraction. A term found nowhere weighs most: a question about
 * something the documents never mention must not look answered because its other words appear.
 */
export function weighQuestionTerms(question: QuestionAnalysis, sourceTerms: readonly ReadonlySet<string>[]): WeightedTerm[] {
  const count = sourceTerms.length;
  const terms = [...new Set(question.terms)].map((term) => {
    const sourceCount = sourceTerms.filter((terms) => bestMatch(term, terms) >= presentSimilarity).length;
    const related = sourceCount > 0 || sourceTerms.some((terms) => bestSoftMatch(term, terms) > 0);
    const idf = Math.log(1 + (count + 1) / (sourceCount + 0.5));
    const specific = question.specificTerms.has(term);
    // Names are checked on their own (every one must be stated); in the coverage they mostly
    // tell which passage, while the other words tell which sentence.
    const weight = idf * (specific ? specificTermFactor : genericTerms.has(term) ? genericTermFactor : 1);
    return { term, weight, specific, sourceCount, related };
  });
  // A word no source uses in any form is often just the asker's own wording; it weighs as much
  // as a word only one source uses, not more, so a paraphrase is not refused for it alone.
  const rareWeight = Math.log(1 + (count + 1) / 1.5);
  return terms.map((term) => (term.related ? term : { ...term, weight: Math.min(term.weight, rareWeight * (term.weight / Math.log(1 + (count + 1) / 0.5))) }));
}

export function scoreSentence(sentence: EvidenceSentence, question: QuestionAnalysis, weighted: readonly WeightedTerm[]): ScoredSentence {
  const totalWeight = weighted.reduce((total, { weight }) => total + weight, 0);
  let covered = 0;
  let ownCovered = 0;
  let contextCovered = 0;
  const supported = new Set<string>();
  const matches = weighted.map(({ term, weight, specific }) => {
    const own = bestSoftMatch(term, sentence.terms);
    let fromContext = 0;
    for (const context of sentence.contexts) fromContext = Math.max(fromContext, context.strength * bestMatch(term, context.terms));
    const match = Math.max(own, fromContext);
    if (specific && (bestMatch(term, sentence.terms) >= presentSimilarity || bestMatch(term, sentence.contextTerms) >= presentSimilarity)) {
      supported.add(term);
    }
    covered += weight * match;
    ownCovered += weight * own;
    contextCovered += weight * fromContext;
    return match;
  });
  const coverage = totalWeight > 0 ? covered / totalWeight : 0;
  const ownCoverage = totalWeight > 0 ? ownCovered / totalWeight : 0;
  const contextCoverage = totalWeight > 0 ? contextCovered / totalWeight : 0;
  const holdsType = holdsAnswerType(sentence.text, question.answerType, new Set(question.terms));
  const lengthFactor = 1 / (1 + Math.max(0, sentence.wordCount - 30) / 30);
  const rankFactor = 1 - rankPenalty * Math.min(sentence.sourceIndex, maximumRankPenalised);
  const nameFactor = (question.answerType === 'person' || question.answerType === 'place') && holdsType ? nameBonus : 1;
  // "What was revenue…" is answered in money, "what share…" in percent: prefer the figure of that form.
  const formFactor = question.focus.some(({ statedBy }) => statedBy?.test(sentence.text)) ? formBonus : 1;
  const rowFactor = sentence.cells && isPartialRow(sentence.cells, question.terms) ? partialRowFactor : 1;
  return {
    sentence,
    matches,
    coverage,
    ownCoverage,
    contextCoverage,
    supported,
    holdsAnswerType: holdsType,
    score: coverage * lengthFactor * rankFactor * nameFactor * rowFactor * formFactor,
  };
}

/** A row with text cells (names of parts, not figures) none of which the question names. */
function isPartialRow(cells: readonly TableCell[], questionTerms: readonly string[]): boolean {
  const textCells = cells.filter(isTextCell);
  if (textCells.length === 0) return false;
  const { named } = readRow(cells, questionTerms);
  return !textCells.some((cell) => named.includes(cell));
}
