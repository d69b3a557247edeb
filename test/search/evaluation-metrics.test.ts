import { describe, expect, it } from 'vitest';
import { answerAccuracy, firstRelevantRank, hitRateAtK, isAnswerCorrect, keyFactCoverage, meanReciprocalRank } from '../../src/search/evaluation-metrics.js';

const cases = [
  { rankedIds: ['a', 'b', 'c'], relevantIds: ['a'] },
  { rankedIds: ['d', 'e', 'f'], relevantIds: new Set(['f']) },
  { rankedIds: ['g', 'h'], relevantIds: ['z'] },
  { rankedIds: ['i', 'j'], relevantIds: ['j', 'i'] },
];

describe('evaluation metrics', () => {
  it('compute ranks, hit@k and MRR', () => {
    expect(cases.map(firstRelevantRank)).toEqual([1, 3, undefined, 1]);
    expect(hitRateAtK(cases, 1)).toBe(0.5);
    expect(hitRateAtK(cases, 3)).toBe(0.75);
    expect(meanReciprocalRank(cases)).toBeCloseTo((1 + 1 / 3 + 0 + 1) / 4);
    expect(meanReciprocalRank(cases, 2)).toBeCloseTo(0.5);
    expect(hitRateAtK([], 3)).toBe(0);
  });

  it('match key facts regardless of case, accents, punctuation and thousands separators', () => {
    expect(keyFactCoverage('The budget is $1200 per year, set in Málaga.', ['$1,200', 'malaga'])).toBe(1);
    expect(keyFactCoverage('Staff get 25 days.', ['25 days', 'public holidays'])).toBe(0.5);
    expect(isAnswerCorrect('It weighs 1.3 kilograms.', ['1.3 kilograms'])).toBe(true);
    expect(isAnswerCorrect('It weighs 13 kilograms.', ['1.3 kilograms'])).toBe(false);
    expect(isAnswerCorrect('We employ 6400 people.', ['640'])).toBe(false);
    expect(answerAccuracy([{ answer: 'In 2009.', keyFacts: ['2009'] }, { answer: 'No idea.', keyFacts: ['2009'] }])).toBe(0.5);
  });
});
