import { pipeline, Readable } from 'node:stream';
import Papa from 'papaparse';
import type { Deadline } from '../deadline.js';
import type { Block } from '../extracted-document.js';
import { IngestError } from '../ingest-error.js';
import { inferCellValue } from './cell-value.js';
import { SheetProfiler, type SheetSummary } from './sheet-summary.js';
import { renderSheetSummary } from './sheet-summary-text.js';
import { findHeaderIndex, uniqueHeader, type SheetCell, type SheetRow } from './sheet-table.js';

/** The sheet name a CSV file gets, as when a spreadsheet application opens it. */
export const csvSheetName = 'Sheet1';

export interface CsvLimits {
  maximumRows: number;
  deadline: Deadline;
}

/** A CSV file read as a one-sheet spreadsheet: its summary, and its blocks as a stream. */
export interface CsvDocument {
  /** Empty when the file has no non-empty row. */
  sheets: SheetSummary[];
  blocks: AsyncIterable<Block[]>;
}

/** Rows that can hold the header: the first ones, as in a spreadsheet (see `findHeaderIndex`). */
const headerCandidates = 10;

/** The delimiter and line ending are guessed from the first piece, so it is made this long. */
const guessingPieceLength = 1024 * 1024;

const rowBatch = 512;

/**
 * Reads CSV (or semicolon-, tab- or pipe-separated) text as a one-sheet spreadsheet, in two
 * passes over the text so only one record at a time is held: the first finds the header and
 * profiles the columns for the summary (which comes first in the blocks, and needs every row),
 * the second hands the rows on as blocks. Fields are typed for the summary (numbers, ISO dates,
 * booleans) but rows show them as written; row numbers count records from the header, as a
 * spreadsheet application would show them.
 *
 * @param text Reads the decoded text from the start, in pieces; called once per pass.
 * @throws IngestError `too-many-rows`, or `timeout` when the first pass outlasts the deadline.
 */
export async function readCsv(text: () => AsyncIterable<string>, limits: CsvLimits): Promise<CsvDocument> {
  const shape = await profileCsv(text(), limits);
  if (!shape) return { sheets: [], blocks: (async function* () {})() };
  return { sheets: [shape.summary], blocks: csvBlocks(text(), shape) };
}

interface CsvShape {
  /** Non-empty rows before the header row. */
  headerIndex: number;
  header: string[];
  preamble: string[];
  summary: SheetSummary;
}

/** The first pass: the header (among the first rows), the width of the table and the column profiles. */
async function profileCsv(text: AsyncIterable<string>, limits: CsvLimits): Promise<CsvShape | undefined> {
  const candidates: SheetRow[] = [];
  const profiler = new SheetProfiler(csvSheetName);
  let headerIndex: number | undefined;
  let width = 0;
  const settle = (): number => {
    const index = findHeaderIndex(candidates.map((row) => row.cells));
    for (const row of candidates.slice(index)) width = Math.max(width, lastFilledIndex(row.cells) + 1);
    for (const row of candidates.slice(index + 1)) profiler.add(row);
    return index;
  };
  for await (const row of nonEmptyRows(text, limits)) {
    if (headerIndex === undefined && candidates.length < headerCandidates) {
      candidates.push(row);
      continue;
    }
    headerIndex ??= settle();
    width = Math.max(width, lastFilledIndex(row.cells) + 1);
    profiler.add(row);
  }
  limits.deadline.check();
  if (candidates.length === 0) return undefined;
  headerIndex ??= settle();
  const header = uniqueHeader(candidates[headerIndex]?.cells.map((cell) => cell.text) ?? [], width);
  const preamble = candidates.slice(0, headerIndex).map((row) => row.cells.map((cell) => cell.text).filter((cell) => cell !== '').join(' '));
  const profile = profiler.profile(header);
  return { headerIndex, header, preamble, summary: { ...profile, text: renderSheetSummary(profile) } };
}

/** The second pass: the summary, the preamble, then one block per data row with its headers. */
async function* csvBlocks(text: AsyncIterable<string>, shape: CsvShape): AsyncGenerator<Block[]> {
  const location = { sheet: csvSheetName };
  const first: Block[] = [{ kind: 'sheet-summary', text: shape.summary.text, location }];
  if (shape.preamble.length > 0) first.push({ kind: 'paragraph', text: shape.preamble.join('\n'), location });
  yield first;
  let batch: Block[] = [];
  let index = 0;
  for await (const row of nonEmptyRows(text)) {
    if (index++ <= shape.headerIndex) continue;
    const cells = shape.header.map((column, columnIndex) => ({ column, value: row.cells[columnIndex]?.text ?? '' })).filter((cell) => cell.value !== '');
    if (cells.length === 0) continue;
    const text = cells.map((cell) => `${cell.column}: ${cell.value}`).join('; ');
    batch.push({ kind: 'sheet-row', text, cells, location: { sheet: csvSheetName, row: row.rowNumber } });
    if (batch.length >= rowBatch) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * The non-empty records of the text as typed rows, numbered by record. With `limits`, refuses
 * more than `maximumRows` rows and stops once the deadline has passed (checked every 1,000
 * records), as the pass that reads the whole file first.
 */
async function* nonEmptyRows(text: AsyncIterable<string>, limits?: CsvLimits): AsyncGenerator<SheetRow> {
  let recordNumber = 0;
  let rows = 0;
  for await (const record of csvRecords(text)) {
    recordNumber += 1;
    if (limits) {
      if (recordNumber % 1_000 === 0) limits.deadline.check();
      if (rows > limits.maximumRows) throw new IngestError('too-many-rows', `The CSV file has more than ${limits.maximumRows} rows`);
    }
    const cells = record.map((field) => ({ value: inferCellValue(field), text: field.trim() }));
    if (!cells.some((cell) => cell.text !== '')) continue;
    rows += 1;
    yield { rowNumber: recordNumber, cells };
  }
}

/**
 * The records of CSV text arriving in pieces, as papaparse parses the whole text: it guesses
 * the delimiter (comma, semicolon, tab or pipe) and the line ending from its first piece, so that
 * piece is made as long as the sample a whole-text parse would look at.
 */
async function* csvRecords(text: AsyncIterable<string>): AsyncGenerator<string[]> {
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  pipeline(Readable.from(withLongFirstPiece(text)), parser, () => {});
  for await (const record of parser) yield record as string[];
}

async function* withLongFirstPiece(pieces: AsyncIterable<string>): AsyncGenerator<string> {
  let first = '';
  let started = false;
  for await (const piece of pieces) {
    if (started) {
      yield piece;
      continue;
    }
    first += piece;
    if (first.length < guessingPieceLength) continue;
    started = true;
    yield first;
  }
  if (!started && first !== '') yield first;
}

function lastFilledIndex(cells: readonly SheetCell[]): number {
  for (let index = cells.length - 1; index >= 0; index -= 1) if (cells[index]?.text !== '') return index;
  return -1;
}
