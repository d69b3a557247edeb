import { describe, expect, it } from 'vitest';
import { gradedConfigurations } from '../../eval/runner/graded-configurations.js';
import { formatReportTable } from '../../eval/runner/report-table.js';
import { retrievalConfigurations, type RetrievalConfiguration } from '../../eval/runner/retrieval-configurations.js';
import type { RetrievalScores } from '../../eval/scoring/retrieval-scores.js';

const scores = (meanReciprocalRank: number, hitAt5 = 1): RetrievalScores => ({
  hitAt1: 0.5,
  hitAt3: 0.75,
  hitAt5,
  meanReciprocalRank,
  questionCount: 4,
});

describe('retrievalConfigurations', () => {
  it('runs sparse, dense and one hybrid, each without and with reranking, when the default weight is even', () => {
    const configurations = retrievalConfigurations(0.5);
    expect(configurations.map((configuration) => configuration.name)).toEqual([
      'sparse',
      'sparse + rerank',
      'dense',
      'dense + rerank',
      'hybrid (sparse 0.5, KB default)',
      'hybrid (sparse 0.5, KB default) + rerank',
    ]);
    expect(configurations.filter((configuration) => configuration.reranking)).toHaveLength(3);
  });

  it('adds hybrid at the default weight when it is not even', () => {
    const hybrid = retrievalConfigurations(0.3).filter((configuration) => configuration.method === 'hybrid');
    expect(hybrid.map(({ sparseWeightage, reranking }) => [sparseWeightage, reranking])).toEqual([
      [0.5, false],
      [0.5, true],
      [0.3, false],
      [0.3, true],
    ]);
  });
});

describe('gradedConfigurations', () => {
  const configurations = retrievalConfigurations(0.5);
  const byName = (name: string): RetrievalConfiguration => {
    const found = configurations.find((configuration) => configuration.name === name);
    if (!found) throw new Error(name);
    return found;
  };

  it('grades hybrid with reranking at the default weight and the configuration with the best MRR', () => {
    const graded = gradedConfigurations(
      [
        { configuration: byName('dense + rerank'), retrieval: scores(0.9) },
        { configuration: byName('hybrid (sparse 0.5, KB default) + rerank'), retrieval: scores(0.8) },
      ],
      0.5,
    );
    expect([...graded]).toEqual(['hybrid (sparse 0.5, KB default) + rerank', 'dense + rerank']);
  });

  it('breaks MRR ties by hit@5, then by order', () => {
    const tied = [
      { configuration: byName('sparse'), retrieval: scores(0.9, 0.8) },
      { configuration: byName('dense'), retrieval: scores(0.9, 0.9) },
      { configuration: byName('sparse + rerank'), retrieval: scores(0.9, 0.9) },
    ];
    expect([...gradedConfigurations(tied, 0.5)]).toEqual(['dense']);
  });
});

describe('formatReportTable', () => {
  it('prints one Markdown row per configuration, with a dash where answers were not graded', () => {
    const table = formatReportTable([
      { name: 'sparse', retrieval: scores(0.8125), meanSearchMs: 8.25 },
      {
        name: 'hybrid + rerank',
        retrieval: scores(0.9),
        answers: { answerAccuracy: 0.6, refusalAccuracy: 0.5, answerableCount: 5, unanswerableCount: 2 },
        meanSearchMs: 12,
      },
    ]);
    expect(table.split('\n')).toEqual([
      '| config | hit@1 | hit@3 | hit@5 | MRR | answer accuracy | unanswerable correctly refused | search ms/question |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      '| sparse | 0.500 | 0.750 | 1.000 | 0.813 | — | — | 8.3 |',
      '| hybrid + rerank | 0.500 | 0.750 | 1.000 | 0.900 | 0.600 | 0.500 | 12.0 |',
    ]);
  });
});
