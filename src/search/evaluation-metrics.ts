/**
 * Retrieval and answer-quality metrics for evaluation runs (`npm run eval`) and tests. Each
 * case pairs what the system ranked with what a person marked as the right answer.
 */

/** One question's ranked result ids and the ids that answer it. */
export interface RankedCase {
  rankedIds: readonly string[];
  relevantIds: ReadonlySet<string> | readonly string[];
}

/** 1-based rank of the first relevant id, or undefined when none was ranked. */
export function firstRelevantRank(rankedCase: RankedCase): number | undefined {
  const relevant = toSet(rankedCase.relevantIds);
  const index = rankedCase.rankedIds.findIndex((id) => relevant.has(id));
  return index === -1 ? undefined : index + 1;
}

/** Share of cases with a relevant id among the first `k` results (hit rate at k, "recall@k" for one relevant item). */
export function hitRateAtK(cases: readonly RankedCase[], k: number): number {
  return mean(cases.map((rankedCase) => {
    const rank = firstRelevantRank(rankedCase);
    return rank !== undefined && rank <= k ? 1 : 0;
  }));
}

/** Mean reciprocal rank: the average of 1/rank of the first relevant id, 0 when it is missing. */
export function meanReciprocalRank(cases: readonly RankedCase[], cutoff = Number.POSITIVE_INFINITY): number {
  return mean(cases.map((rankedCase) => {
    const rank = firstRelevantRank(rankedCase);
    return rank !== undefined && rank <= cutoff ? 1 / rank : 0;
  }));
}

/**
 * Share of the key facts an answer states, compared after folding case, accents, punctuation
 * and whitespace ("$1,200" matches "$1200", "Three days" matches "three  days"). This grades
 * extractive and generated answers alike without a judge model.
 */
export function keyFactCoverage(answer: string, keyFacts: readonly string[]): number {
  if (keyFacts.length === 0) return 1;
  const foldedAnswer = foldForMatching(answer);
  return keyFacts.filter((fact) => foldedAnswer.includes(foldForMatching(fact))).length / keyFacts.length;
}

/** Whether an answer states every key fact. */
export function isAnswerCorrect(answer: string, keyFacts: readonly string[]): boolean {
  return keyFactCoverage(answer, keyFacts) === 1;
}

/** Share of answers that state all their key facts. */
export function answerAccuracy(cases: readonly { answer: string; keyFacts: readonly string[] }[]): number {
  return mean(cases.map((answerCase) => (isAnswerCorrect(answerCase.answer, answerCase.keyFacts) ? 1 : 0)));
}

function foldForMatching(text: string): string {
  return ` ${text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/(\d)[,\s](?=\d{3}\b)/g, '$1').replace(/[^\p{L}\p{N}$%.]+/gu, ' ').replace(/\.(?!\d)/g, ' ').replace(/\s+/g, ' ').trim()} `;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function toSet(ids: ReadonlySet<string> | readonly string[]): ReadonlySet<string> {
  return ids instanceof Set ? ids : new Set(ids as readonly string[]);
}
