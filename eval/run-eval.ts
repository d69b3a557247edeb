/**
 * `npm run eval`: measures retrieval and answers on the Tidewell corpus through the real app.
 *
 * Boots the app in-process on a throwaway SQLite data directory, uploads every file of
 * `eval/documents/` to a knowledge base, and runs every question of `eval/questions.json`
 * through `GET /knowledge-bases/:id/search` for sparse, dense and hybrid retrieval, each
 * without and with reranking. Prints hit@1/3/5 and MRR for each, and answer accuracy for the
 * graded configurations (see `gradedConfigurations`). Everything is offline and deterministic.
 * Low scores are results, not failures: the exit code is non-zero only when the run crashes.
 *
 * `--details` also prints each wrongly answered question with its key facts and the answer.
 */
import { performance } from 'node:perf_hooks';
import { listDocuments } from './dataset/documents.js';
import { loadQuestions } from './dataset/questions.js';
import { answerWithPassages } from './runner/answer-with-passages.js';
import { startEvalApp } from './runner/eval-app.js';
import { evaluateConfiguration, passagesPerQuestion, type ConfigurationRuns } from './runner/evaluate-configuration.js';
import { gradedConfigurations } from './runner/graded-configurations.js';
import { ingestCorpus } from './runner/ingest-corpus.js';
import { KnowledgeBaseClient } from './runner/knowledge-base-client.js';
import { formatReportTable, type ConfigurationReport } from './runner/report-table.js';
import { retrievalConfigurations } from './runner/retrieval-configurations.js';
import { isAnswerRight, scoreAnswers, type AnsweredQuestion } from './scoring/answer-scores.js';
import { scoreRetrieval } from './scoring/retrieval-scores.js';

const seconds = (milliseconds: number): string => `${(milliseconds / 1000).toFixed(1)} s`;
const showDetails = process.argv.includes('--details');

function printWrongAnswers(configurationName: string, wrong: readonly AnsweredQuestion[]): void {
  console.log(`\nWrong answers for ${configurationName}: ${wrong.length === 0 ? 'none' : wrong.map((answered) => answered.question.id).join(', ')}`);
  if (!showDetails) return;
  for (const { question, answer } of wrong) {
    const expected = question.answerable ? `key facts ${JSON.stringify(question.keyFacts)}` : 'a refusal';
    console.log(`\n- ${question.id} "${question.question}" (expected ${expected})\n  ${answer.replace(/\s+/g, ' ').slice(0, 300)}`);
  }
}

async function answerAll(results: ConfigurationRuns): Promise<AnsweredQuestion[]> {
  const answers: AnsweredQuestion[] = [];
  for (const run of results.runs) answers.push({ question: run.question, answer: await answerWithPassages(run.question.question, run.passages) });
  return answers;
}

async function main(): Promise<void> {
  const started = performance.now();
  const [questions, documents] = await Promise.all([loadQuestions(), listDocuments()]);
  const evalApp = await startEvalApp();
  try {
    const client = await KnowledgeBaseClient.forNewUser(evalApp.api, 'eval-user');
    const ingestStarted = performance.now();
    const knowledgeBase = await ingestCorpus(client, documents);
    const ingestMs = performance.now() - ingestStarted;

    const searchStarted = performance.now();
    const results: ConfigurationRuns[] = [];
    for (const configuration of retrievalConfigurations(knowledgeBase.sparseWeightage)) {
      results.push(await evaluateConfiguration(client, knowledgeBase.id, configuration, questions));
    }
    const searchMs = performance.now() - searchStarted;

    const scored = results.map((result) => ({ ...result, retrieval: scoreRetrieval(result.runs) }));
    const graded = gradedConfigurations(scored, knowledgeBase.sparseWeightage);
    const answerStarted = performance.now();
    const reports: ConfigurationReport[] = [];
    const wrongAnswers = new Map<string, AnsweredQuestion[]>();
    for (const result of scored) {
      const report: ConfigurationReport = { name: result.configuration.name, retrieval: result.retrieval, meanSearchMs: result.meanSearchMs };
      if (graded.has(result.configuration.name)) {
        const answers = await answerAll(result);
        report.answers = scoreAnswers(answers);
        wrongAnswers.set(result.configuration.name, answers.filter((answered) => !isAnswerRight(answered)));
      }
      reports.push(report);
    }
    const answerMs = performance.now() - answerStarted;

    const answerable = questions.filter((question) => question.answerable).length;
    console.log(`# Docent retrieval evaluation\n`);
    console.log(`${documents.length} documents, ${questions.length} questions (${answerable} answerable, ${questions.length - answerable} unanswerable).`);
    console.log(`Hit rates and MRR over the answerable questions, top ${passagesPerQuestion} passages; answers by the offline responder.\n`);
    console.log(formatReportTable(reports));
    console.log(`\nTiming: ingestion ${seconds(ingestMs)}, searches ${seconds(searchMs)}, answers ${seconds(answerMs)}, total ${seconds(performance.now() - started)}.`);
    for (const [name, wrong] of wrongAnswers) printWrongAnswers(name, wrong);
  } finally {
    await evalApp.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
