import Papa from 'papaparse';
import type { Deadline } from '../deadline.js';
import type { ExtractedDocument } from '../extracted-document.js';
import { IngestError } from '../ingest-error.js';
import { inferCellValue } from './cell-value.js';
import { sheetToBlocks } from './sheet-blocks.js';
import { buildSheetTable } from './sheet-table-builder.js';
import type { SheetRow } from './sheet-table.js';

/** The sheet name a CSV file gets, as when a spreadsheet application opens it. */
export const csvSheetName = 'Sheet1';

export interface CsvLimits {
  maximumRows: number;
  deadline: Deadline;
}

/**
 * Reads CSV (or semicolon-, tab- or pipe-separated) text as a one-sheet spreadsheet. Fields are
 * typed for the summary (numbers, ISO dates, booleans) but rows show them as written. Row
 * numbers count records from the header, as a spreadsheet application would show them.
 */
export function extractCsv(text: string, limits: CsvLimits): ExtractedDocument {
  const rows: SheetRow[] = [];
  let recordNumber = 0;
  let tooManyRows = false;
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
    step: (result, parser) => {
      recordNumber += 1;
      if (recordNumber % 1_000 === 0 && limits.deadline.expired) parser.abort();
      if (rows.length > limits.maximumRows) {
        tooManyRows = true;
        parser.abort();
        return;
      }
      const cells = result.data.map((field) => ({ value: inferCellValue(field), text: field.trim() }));
      if (cells.some((cell) => cell.text !== '')) rows.push({ rowNumber: recordNumber, cells });
    },
  });
  limits.deadline.check();
  if (tooManyRows) throw new IngestError('too-many-rows', `The CSV file has more than ${limits.maximumRows} rows`);
  if (rows.length === 0) return { type: 'csv', blocks: [], sheets: [] };
  const sheet = sheetToBlocks(buildSheetTable(csvSheetName, rows));
  return { type: 'csv', blocks: sheet.blocks, sheets: [sheet.summary] };
}
