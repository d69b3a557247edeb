import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentsDirectory, listDocuments } from '../../eval/dataset/documents.js';
import { loadQuestions, type EvaluationQuestion } from '../../eval/dataset/questions.js';
import { keyFactCoverage } from '../../src/search/evaluation-metrics.js';
import { CorpusText } from './corpus-text.js';

let questions: EvaluationQuestion[];
const corpus = new CorpusText();

beforeAll(async () => {
  questions = await loadQuestions();
});

describe('the evaluation questions', () => {
  it('number at least 60, a tenth or more of them unanswerable', () => {
    expect(questions.length).toBeGreaterThanOrEqual(60);
    const unanswerable = questions.filter((question) => !question.answerable);
    expect(unanswerable.length).toBeGreaterThanOrEqual(Math.ceil(questions.length / 10));
  });

  it('have unique ids and unique wording', () => {
    expect(new Set(questions.map((question) => question.id)).size).toBe(questions.length);
    expect(new Set(questions.map((question) => question.question.toLowerCase())).size).toBe(questions.length);
  });

  it('give answerable questions sources and key facts, and unanswerable ones neither', () => {
    for (const question of questions) {
      const complete = question.expectedSources.length > 0 && question.keyFacts.length > 0;
      const empty = question.expectedSources.length === 0 && question.keyFacts.length === 0;
      expect(question.answerable ? complete : empty, question.id).toBe(true);
    }
  });

  it('cite only documents in eval/documents', async () => {
    const documents = new Set(await listDocuments());
    for (const source of questions.flatMap((question) => question.expectedSources)) {
      expect(documents.has(source.document), source.document).toBe(true);
      expect(existsSync(join(documentsDirectory, source.document))).toBe(true);
    }
  });

  it('cite every document of the corpus at least once', async () => {
    const cited = new Set(questions.flatMap((question) => question.expectedSources.map((source) => source.document)));
    expect([...cited].sort()).toEqual(await listDocuments());
  });

  it('cite pages, sheets, rows and headings that exist, and state key facts found there', async () => {
    for (const question of questions.filter((entry) => entry.answerable)) {
      const texts = await Promise.all(question.expectedSources.map((source) => corpus.sourceText(source)));
      texts.forEach((text, index) => expect(text, `${question.id} source ${index + 1}`).toBeDefined());
      const supported = texts.some((text) => text !== undefined && keyFactCoverage(text, question.keyFacts) === 1);
      expect(supported, `${question.id}: no expected source states all of ${JSON.stringify(question.keyFacts)}`).toBe(true);
    }
  });

  it('use distractor facts that the corpus states about something else', async () => {
    const documents = await listDocuments();
    const texts = await Promise.all(
      documents.map(async (document) =>
        document.endsWith('.pdf')
          ? (await corpus.pdfPages(document)).join('\n')
          : document.endsWith('.xlsx')
            ? await workbookText(document)
            : await corpus.documentText(document),
      ),
    );
    const corpusText = texts.join('\n');
    for (const question of questions.filter((entry) => !entry.answerable)) {
      for (const fact of question.distractorFacts ?? []) expect(keyFactCoverage(corpusText, [fact]), `${question.id}: ${fact}`).toBe(1);
    }
  });
});

async function workbookText(document: string): Promise<string> {
  const workbook = await corpus.workbook(document);
  const rows: string[] = [];
  workbook.eachSheet((worksheet) => worksheet.eachRow((row) => rows.push(JSON.stringify(row.values))));
  return rows.join('\n');
}
