import type { EvaluationQuestion } from '../dataset/questions.js';
import { hitRateAtK, meanReciprocalRank, type RankedCase } from '../../src/search/evaluation-metrics.js';
import type { RetrievedPassage } from './retrieved-passage.js';
import { isRelevant } from './source-matching.js';

/** What one retrieval configuration returned for one question, best first. */
export interface RetrievalRun {
  question: EvaluationQuestion;
  passages: RetrievedPassage[];
}

export interface RetrievalScores {
  hitAt1: number;
  hitAt3: number;
  hitAt5: number;
  /** Over the first five passages: a source first found lower counts as a miss. */
  meanReciprocalRank: number;
  /** Answerable questions scored; unanswerable ones have no right passage and are left out. */
  questionCount: number;
}

/** Hit rates and MRR over the answerable questions, a hit being a passage from an expected source. */
export function scoreRetrieval(runs: readonly RetrievalRun[]): RetrievalScores {
  const cases = runs.filter((run) => run.question.answerable).map(toRankedCase);
  return {
    hitAt1: hitRateAtK(cases, 1),
    hitAt3: hitRateAtK(cases, 3),
    hitAt5: hitRateAtK(cases, 5),
    meanReciprocalRank: meanReciprocalRank(cases, 5),
    questionCount: cases.length,
  };
}

/** Passages are identified by their rank, since one chunk may match an expected source as well as another. */
export function toRankedCase(run: RetrievalRun): RankedCase {
  const rankedIds = run.passages.map((_, index) => String(index));
  const relevantIds = rankedIds.filter((_, index) => {
    const passage = run.passages[index];
    return passage !== undefined && isRelevant(passage, run.question.expectedSources);
  });
  return { rankedIds, relevantIds };
}
