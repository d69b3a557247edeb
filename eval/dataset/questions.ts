import { readFile } from 'node:fs/promises';

/** A place in the corpus that answers a question. Only `document` is required; each other field narrows it. */
export interface ExpectedSource {
  /** File name in `eval/documents/`. */
  document: string;
  /** 1-based PDF page. */
  page?: number;
  /** Spreadsheet sheet name. */
  sheet?: string;
  /** 1-based spreadsheet row as Excel shows it (the header is row 1). */
  row?: number;
  /** A heading of the section, as written in the document. */
  heading?: string;
}

export interface EvaluationQuestion {
  id: string;
  question: string;
  /** Where the answer is; empty for an unanswerable question. */
  expectedSources: ExpectedSource[];
  /** Short strings a correct answer states; empty for an unanswerable question. */
  keyFacts: string[];
  answerable: boolean;
  /**
   * For an unanswerable question: facts about something nearby in the corpus that a model
   * guessing instead of refusing would likely state (the S4's depth for a question about the S2).
   */
  distractorFacts?: string[];
}

export const questionsPath = new URL('../questions.json', import.meta.url);

/** Reads `eval/questions.json`, checking every entry's shape so a typo fails loudly, not as a low score. */
export async function loadQuestions(path: URL | string = questionsPath): Promise<EvaluationQuestion[]> {
  const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error('questions.json must hold an array');
  return parsed.map((entry, index) => parseQuestion(entry, index));
}

function parseQuestion(entry: unknown, index: number): EvaluationQuestion {
  const fail = (problem: string): never => {
    throw new Error(`questions.json entry ${index}: ${problem}`);
  };
  if (!isRecord(entry)) return fail('not an object');
  const { id, question, expectedSources, keyFacts, answerable, distractorFacts } = entry;
  if (typeof id !== 'string' || id === '') return fail('id must be a non-empty string');
  if (typeof question !== 'string' || question.trim() === '') return fail('question must be a non-empty string');
  if (typeof answerable !== 'boolean') return fail('answerable must be true or false');
  if (!isStringArray(keyFacts)) return fail('keyFacts must be an array of strings');
  if (!Array.isArray(expectedSources)) return fail('expectedSources must be an array');
  if (distractorFacts !== undefined && !isStringArray(distractorFacts)) return fail('distractorFacts must be an array of strings');
  return {
    id,
    question,
    expectedSources: expectedSources.map((source) => parseSource(source) ?? fail(`malformed expected source ${JSON.stringify(source)}`)),
    keyFacts,
    answerable,
    ...(distractorFacts !== undefined && { distractorFacts }),
  };
}

function parseSource(source: unknown): ExpectedSource | undefined {
  if (!isRecord(source) || typeof source.document !== 'string') return undefined;
  const { document, page, sheet, row, heading } = source;
  const unknownKeys = Object.keys(source).filter((key) => !['document', 'page', 'sheet', 'row', 'heading'].includes(key));
  if (unknownKeys.length > 0) return undefined;
  if (page !== undefined && !isPositiveInteger(page)) return undefined;
  if (row !== undefined && !isPositiveInteger(row)) return undefined;
  if (sheet !== undefined && typeof sheet !== 'string') return undefined;
  if (heading !== undefined && typeof heading !== 'string') return undefined;
  return {
    document,
    ...(page !== undefined && { page }),
    ...(sheet !== undefined && { sheet }),
    ...(row !== undefined && { row }),
    ...(heading !== undefined && { heading }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
