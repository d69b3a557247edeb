import { describe, expect, it } from 'vitest';
import { scoreRetrieval, toRankedCase } from '../../eval/scoring/retrieval-scores.js';
import { passage, question } from './passages.js';

const wanted = question({ expectedSources: [{ document: 'report.pdf', page: 2 }], keyFacts: ['fact'] });
const hitAt = (rank: number) => ({
  question: wanted,
  passages: Array.from({ length: 5 }, (_, index) => passage('report.pdf', { page: index + 1 === rank ? 2 : 9 })),
});

describe('scoreRetrieval', () => {
  it('scores hit rates at 1, 3 and 5 and MRR over the first five passages', () => {
    const scores = scoreRetrieval([hitAt(1), hitAt(2), hitAt(4), { question: wanted, passages: [] }]);
    expect(scores).toEqual({
      hitAt1: 0.25,
      hitAt3: 0.5,
      hitAt5: 0.75,
      meanReciprocalRank: (1 + 1 / 2 + 1 / 4) / 4,
      questionCount: 4,
    });
  });

  it('leaves unanswerable questions out: no passage can be right for them', () => {
    const unanswerable = { question: question({ answerable: false }), passages: [passage('report.pdf', { page: 2 })] };
    expect(scoreRetrieval([hitAt(1), unanswerable])).toMatchObject({ hitAt1: 1, questionCount: 1 });
  });

  it('scores nothing as zero', () => {
    expect(scoreRetrieval([])).toMatchObject({ hitAt1: 0, meanReciprocalRank: 0, questionCount: 0 });
  });
});

describe('toRankedCase', () => {
  it('names passages by rank and marks every relevant one', () => {
    const run = { question: wanted, passages: [passage('report.pdf', { page: 2 }), passage('other.md'), passage('report.pdf', { page: 2 })] };
    expect(toRankedCase(run)).toEqual({ rankedIds: ['0', '1', '2'], relevantIds: ['0', '2'] });
  });
});
