import type { EvidenceSentence } from './evidence.js';
import { scoreSentence, weighQuestionTerms, type ScoredSentence, type WeightedTerm } from './sentence-scoring.js';

/** At most this many sentences make an answer; more reads like a pasted document. */
export const maximumAnswerSentences = 3;
/** Share of the question's weight the chosen sentences must cover together to answer at all. */
export const minimumAnswerCoverage = 0.5;
/** A sentence must cover this much by its own words to be quoted; a title match alone is not enough. */
const minimumOwnCoverage = 0.25;
/** A further sentence must support the question at least this much on its own. */
const minimumSupportingCoverage = 0.35;
/** Share of the question a further sentence must newly cover to count as answering another part. */
const minimumCoverageGain = 0.15;
/** A further sentence that covers nothing new must support the question nearly as well as the best. */
const nearBestShare = 0.85;
/** Sentences shorter than this are headings or fragments, not answers. */
const minimumWordCount = 4;
/** Words that show a sentence continues the previous one ("They must be unused."). */
const continuationStart = /^(?:it|its|they|their|this|these|that|those|there|such|however|also|otherwise|in addition|additionally|please note|note)\b/i;

export interface SelectedEvidence {
  sentences: EvidenceSentence[];
  coverage: number;
}

/**
 * Chooses the sentences that answer a question, greedily: the best-supported sentence first,
 * then sentences that cover parts of the question not yet covered (a question can have two
 * halves) or, right beside a chosen one, support it almost as well; then a directly following
 * sentence that continues a chosen one ("They must be unused."). Returns nothing when the chosen sentences cover less than
 * {@link minimumAnswerCoverage}: then the documents do not answer the question.
 */
export function selectEvidence(questionTerms: readonly string[], sentences: readonly EvidenceSentence[]): SelectedEvidence | undefined {
  if (questionTerms.length === 0) return undefined;
  const question = weighQuestionTerms(questionTerms, sentences);
  const candidates = sentences
    .filter((sentence) => sentence.wordCount >= minimumWordCount)
    .map((sentence) => scoreSentence(sentence, question))
    .filter((scored) => scored.ownCoverage >= minimumOwnCoverage)
    .sort((left, right) => right.score - left.score);
  const best = candidates[0];
  if (!best) return undefined;

  const chosen: ScoredSentence[] = [best];
  const covered = [...best.matches];
  while (chosen.length < maximumAnswerSentences) {
    const next = bestComplement(candidates, chosen, covered, question, best.coverage);
    if (!next) break;
    chosen.push(next);
    next.matches.forEach((match, index) => (covered[index] = Math.max(covered[index] ?? 0, match)));
  }
  const coverage = weightedShare(covered, question);
  if (coverage < minimumAnswerCoverage) return undefined;
  return { sentences: addContinuations(chosen.map((scored) => scored.sentence), sentences), coverage };
}

function bestComplement(
  candidates: readonly ScoredSentence[],
  chosen: readonly ScoredSentence[],
  covered: readonly number[],
  question: readonly WeightedTerm[],
  bestCoverage: number,
): ScoredSentence | undefined {
  let best: { scored: ScoredSentence; value: number } | undefined;
  for (const scored of candidates) {
    if (chosen.includes(scored) || scored.coverage < minimumSupportingCoverage) continue;
    const gain = weightedShare(scored.matches.map((match, index) => Math.max(0, match - (covered[index] ?? 0))), question);
    if (gain < minimumCoverageGain && !(scored.coverage >= nearBestShare * bestCoverage && isNextTo(scored.sentence, chosen))) continue;
    // New coverage matters most; among equal gains, the better-supported sentence wins.
    const value = gain + 0.3 * scored.score;
    if (!best || value > best.value) best = { scored, value };
  }
  return best?.scored;
}

/** A sentence that adds nothing new is only worth quoting right beside one already chosen. */
function isNextTo(sentence: EvidenceSentence, chosen: readonly ScoredSentence[]): boolean {
  return chosen.some(
    ({ sentence: other }) => other.sourceIndex === sentence.sourceIndex && Math.abs(other.sentenceIndex - sentence.sentenceIndex) === 1,
  );
}

function weightedShare(values: readonly number[], question: readonly WeightedTerm[]): number {
  const totalWeight = question.reduce((total, { weight }) => total + weight, 0);
  const covered = question.reduce((total, { weight }, index) => total + weight * (values[index] ?? 0), 0);
  return totalWeight > 0 ? covered / totalWeight : 0;
}

/** Adds the sentence right after a chosen one when it plainly continues it, within the limit. */
function addContinuations(chosen: EvidenceSentence[], all: readonly EvidenceSentence[]): EvidenceSentence[] {
  const result = [...chosen];
  for (const sentence of chosen) {
    if (result.length >= maximumAnswerSentences) break;
    const following = all.find(
      (candidate) => candidate.sourceIndex === sentence.sourceIndex && candidate.sentenceIndex === sentence.sentenceIndex + 1,
    );
    if (following && !result.includes(following) && continuationStart.test(following.text)) result.push(following);
  }
  return result.sort((left, right) => left.sourceIndex - right.sourceIndex || left.sentenceIndex - right.sentenceIndex);
}
