import { isStrictAnswerType } from './answer-types.js';
import { isQuotable, type Evidence, type EvidenceSentence } from './evidence.js';
import type { QuestionAnalysis } from './question-analysis.js';
import { rowAnswersQuestion } from './row-answer.js';
import { scoreSentence, weighQuestionTerms, type ScoredSentence, type WeightedTerm } from './sentence-scoring.js';
import { bestMatch, bestSoftMatch } from './text-analysis.js';

/** At most this many sentences make an answer; more reads like a pasted document. */
export const maximumAnswerSentences = 3;
/** Share of the question's weight the chosen sentences must cover together to answer at all. */
export const minimumAnswerCoverage = 0.4;
/**
 * A paraphrased question shares fewer words with its answer. A sentence from one of the top
 * passages that holds exactly the kind of answer asked for (a figure for "how many", a date for
 * "when") and names every specific thing asked about may answer with this much coverage.
 */
const minimumTypedCoverage = 0.3;
/** The passages, in retrieval order, whose sentences get {@link minimumTypedCoverage}. */
const typedCoverageRanks = 2;
/** A sentence must cover this much by its own words to be quoted; a heading match alone is not enough. */
const minimumOwnCoverage = 0.25;
/** Under a heading that asks the question itself, the text below answers it even in other words. */
const minimumQuestionHeadingCoverage = 0.6;
const minimumOwnCoverageUnderQuestion = 0;
/** How well a sentence must name the measure a quantity question asks for (a synonym will do). */
const minimumFocusMatch = 0.7;
/** A further sentence must support the question at least this much on its own. */
const minimumSupportingCoverage = 0.35;
/** In a question of several parts, each part is a smaller share of the whole. */
const minimumPartCoverage = 0.25;
/** Share of the question a further sentence must newly cover to count as answering another part. */
const minimumCoverageGain = 0.15;
/** A further sentence that covers nothing new must support the question nearly as well as the best. */
const nearBestShare = 0.85;
/** Sentences shorter than this are headings or fragments, not answers; rows and fields are exempt. */
const minimumWordCount = 4;
/**
 * A specific term mentioned by at least this share of the sources (and by two or more) names
 * what the whole collection is about (the company, the product), so it does not narrow down.
 */
const ubiquitousShare = 0.8;
/** Words that show a sentence continues the previous one ("They must be unused."). */
const continuationStart = /^(?:it|its|they|their|this|these|that|those|there|such|however|also|otherwise|in addition|additionally|please note|note)\b/i;

export interface SelectedEvidence {
  sentences: EvidenceSentence[];
  coverage: number;
}

/**
 * Chooses the sentences that answer a question. The best-supported quotable sentence comes first;
 * it must cover enough of the question (by its own words and the headings it sits under), hold
 * the kind of answer asked for, and state (itself or in its headings) every specific thing the
 * question names: "partner leave in Singapore" is not answered by the UK's partner leave. Then
 * sentences that cover parts of the question not yet covered or, right beside a chosen one,
 * support it almost as well; then a directly following sentence that continues a chosen one.
 * Returns nothing when no sentence qualifies: then the documents do not answer the question.
 */
export function selectEvidence(question: QuestionAnalysis, evidence: Evidence): SelectedEvidence | undefined {
  if (question.terms.length === 0) return undefined;
  const weighted = weighQuestionTerms(question, evidence.sourceTerms);
  // A specific thing no source mentions at all: whatever is found, it is about something else.
  if (weighted.some((term) => term.specific && term.sourceCount === 0)) return undefined;
  const required = requiredNames(question, weighted, evidence.sourceTerms.length);
  const candidates = evidence.sentences
    .filter((sentence) => isQuotable(sentence) && (sentence.kind !== 'sentence' || sentence.wordCount >= minimumWordCount))
    .map((sentence) => scoreSentence(sentence, question, weighted))
    .sort((left, right) => right.score - left.score);
  const unusedTerms = new Set(weighted.filter((term) => !term.related).map((term) => term.term));
  const names = (scored: ScoredSentence): boolean => {
    const sourceTerms = evidence.sourceTerms[scored.sentence.sourceIndex] ?? new Set<string>();
    const named = required.filter((requirement) => isNamed(requirement, scored.supported, sourceTerms)).length;
    return question.multiPart ? required.length === 0 || named > 0 : named === required.length;
  };
  const best = candidates.find((scored) => !leadRejection(scored, question, unusedTerms) && names(scored));
  if (!best) return undefined;

  const chosen: ScoredSentence[] = [best];
  const covered = [...best.matches];
  while (chosen.length < maximumAnswerSentences) {
    const fitting = candidates.filter((scored) => names(scored) && !misfitReason(scored, question, unusedTerms));
    const next = bestComplement(fitting, chosen, covered, weighted, best.coverage, question.multiPart);
    if (!next) break;
    chosen.push(next);
    next.matches.forEach((match, index) => (covered[index] = Math.max(covered[index] ?? 0, match)));
  }
  const isNamedByChosen = (requirement: NameRequirement): boolean =>
    chosen.some((scored) => isNamed(requirement, scored.supported, evidence.sourceTerms[scored.sentence.sourceIndex] ?? new Set()));
  if (!required.every(isNamedByChosen)) return undefined;
  const coverage = weightedShare(covered, weighted);
  return { sentences: addContinuations(chosen.map((scored) => scored.sentence), evidence.sentences), coverage };
}

/** Why a sentence cannot be the main part of an answer, or undefined when it can. */
export function leadRejection(scored: ScoredSentence, question: QuestionAnalysis, unusedTerms: ReadonlySet<string> = new Set()): string | undefined {
  const misfit = misfitReason(scored, question, unusedTerms);
  if (misfit) return misfit;
  const underQuestion =
    scored.sentence.contexts.some((context) => context.strength >= 0.8) && scored.contextCoverage >= minimumQuestionHeadingCoverage;
  if (scored.ownCoverage < (underQuestion ? minimumOwnCoverageUnderQuestion : minimumOwnCoverage)) return 'own coverage too low';
  const typed = isStrictAnswerType(question.answerType) && scored.sentence.sourceIndex < typedCoverageRanks;
  if (scored.coverage < (typed ? minimumTypedCoverage : minimumAnswerCoverage)) return 'coverage too low';
  return undefined;
}

/** Why a sentence cannot say what the question asks for (any part of an answer must), or undefined. */
function misfitReason(scored: ScoredSentence, question: QuestionAnalysis, unusedTerms: ReadonlySet<string>): string | undefined {
  const { sentence } = scored;
  if (isStrictAnswerType(question.answerType) && !question.multiPart && !scored.holdsAnswerType) return `holds no ${question.answerType ?? ''}`;
  if (sentence.cells) {
    // A row states the measure in the column the question asks for.
    if (!rowAnswersQuestion(sentence.cells, question.terms, unusedTerms)) return 'row has no column asked for';
  } else if (!question.focus.every(({ term, statedBy }) => bestSoftMatch(term, sentence.terms) >= minimumFocusMatch || statedBy?.test(sentence.text))) {
    return 'does not state the measure asked for';
  }
  return undefined;
}

/**
 * What a sentence must state to be about the thing a name in the question names. A code
 * ("S4", "TW-LP6") identifies it alone; otherwise the name's rarest word does ("Mini" in
 * "TideCast Mini", since a passage about the plain TideCast shares "TideCast"). Words found in
 * nearly every source (the company's own name) narrow nothing down and are not required.
 */
interface NameRequirement {
  terms: string[];
  /** Every term is needed (codes), rather than any one of them (the rarest words). */
  all: boolean;
  /** The name's words that narrow down: a passage that holds them all is about the thing named. */
  phrase: string[];
}

function requiredNames(question: QuestionAnalysis, weighted: readonly WeightedTerm[], sourceCount: number): NameRequirement[] {
  const countOf = new Map(weighted.map((term) => [term.term, term.sourceCount]));
  const requirements: NameRequirement[] = [];
  for (const phrase of question.namedPhrases) {
    const narrowing = phrase.filter((term) => {
      const count = countOf.get(term) ?? 0;
      return !(count >= 2 && count >= ubiquitousShare * sourceCount);
    });
    const codes = narrowing.filter((term) => /\d/.test(term));
    if (codes.length > 0) {
      requirements.push({ terms: codes, all: true, phrase: narrowing });
      continue;
    }
    if (narrowing.length === 0) continue;
    const rarest = Math.min(...narrowing.map((term) => countOf.get(term) ?? 0));
    requirements.push({ terms: narrowing.filter((term) => (countOf.get(term) ?? 0) === rarest), all: false, phrase: narrowing });
  }
  return requirements;
}

/**
 * Whether a sentence is about the thing a requirement names: it states the name's code or
 * rarest word (itself or in its headings), or it states part of the name and its passage holds
 * the whole name ("the Customer will pay…" in a contract whose parties clause names the customer).
 */
function isNamed(requirement: NameRequirement, supported: ReadonlySet<string>, sourceTerms: ReadonlySet<string>): boolean {
  if (requirement.all) return requirement.terms.every((term) => supported.has(term));
  if (requirement.terms.some((term) => supported.has(term))) return true;
  return requirement.phrase.some((term) => supported.has(term)) && requirement.phrase.every((term) => bestMatch(term, sourceTerms) >= 0.8);
}

function bestComplement(
  candidates: readonly ScoredSentence[],
  chosen: readonly ScoredSentence[],
  covered: readonly number[],
  question: readonly WeightedTerm[],
  bestCoverage: number,
  multiPart: boolean,
): ScoredSentence | undefined {
  let best: { scored: ScoredSentence; value: number } | undefined;
  const minimumCoverage = multiPart ? minimumPartCoverage : minimumSupportingCoverage;
  for (const scored of candidates) {
    if (chosen.includes(scored) || scored.coverage < minimumCoverage || scored.ownCoverage < minimumPartCoverage) continue;
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
    if (following && isQuotable(following) && !result.includes(following) && continuationStart.test(following.text)) result.push(following);
  }
  return result.sort((left, right) => left.sourceIndex - right.sourceIndex || left.sentenceIndex - right.sentenceIndex);
}
