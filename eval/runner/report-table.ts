import type { AnswerScores } from '../scoring/answer-scores.js';
import type { RetrievalScores } from '../scoring/retrieval-scores.js';

/** One row of the report: a configuration's retrieval scores and, when it was asked, its answer scores. */
export interface ConfigurationReport {
  name: string;
  retrieval: RetrievalScores;
  answers?: AnswerScores;
  /** Mean search latency per question, in milliseconds. */
  meanSearchMs: number;
}

const header = ['config', 'hit@1', 'hit@3', 'hit@5', 'MRR', 'answer accuracy', 'unanswerable correctly refused', 'search ms/question'];

/** The results as a Markdown table; configurations whose answers were not graded show a dash. */
export function formatReportTable(reports: readonly ConfigurationReport[]): string {
  const rows = reports.map((report) => [
    report.name,
    fixed(report.retrieval.hitAt1),
    fixed(report.retrieval.hitAt3),
    fixed(report.retrieval.hitAt5),
    fixed(report.retrieval.meanReciprocalRank),
    report.answers ? fixed(report.answers.answerAccuracy) : '—',
    report.answers ? fixed(report.answers.refusalAccuracy) : '—',
    report.meanSearchMs.toFixed(1),
  ]);
  return [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function fixed(value: number): string {
  return value.toFixed(3);
}
