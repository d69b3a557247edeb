import ExcelJS from 'exceljs';
import type { Deadline } from '../deadline.js';
import type { FileContent } from '../detect-type.js';
import type { Block, ExtractedDocument } from '../extracted-document.js';
import { IngestError } from '../ingest-error.js';
import { formatCellValue } from './cell-value.js';
import { plainExcelValue } from './excel-cell.js';
import { sheetToBlocks } from './sheet-blocks.js';
import type { SheetSummary } from './sheet-summary.js';
import { buildSheetTable } from './sheet-table-builder.js';
import { emptyCell, type SheetCell, type SheetRow } from './sheet-table.js';

export interface XlsxLimits {
  maximumRows: number;
  deadline: Deadline;
}

/**
 * Reads every sheet of a workbook into row blocks and a summary per sheet. The workbook is
 * loaded whole: exceljs's streaming reader does not reliably resolve sheet names and date
 * styles before rows arrive, and the archive guard has already bounded the inflated size.
 */
export async function extractXlsx(content: FileContent, limits: XlsxLimits): Promise<ExtractedDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` type, which Node 20's generic Buffer does not match.
    const loading = Buffer.isBuffer(content)
      ? workbook.xlsx.load(content as unknown as ExcelJS.Buffer)
      : workbook.xlsx.readFile(content.path);
    await limits.deadline.race(loading);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('corrupt', 'The Excel workbook is corrupt or not an XLSX file', { cause: error });
  }

  const totalRows = workbook.worksheets.reduce((total, sheet) => total + sheet.actualRowCount, 0);
  if (totalRows > limits.maximumRows) {
    throw new IngestError('too-many-rows', `The workbook has ${totalRows} rows (limit ${limits.maximumRows})`);
  }

  const blocks: Block[] = [];
  const sheets: SheetSummary[] = [];
  for (const worksheet of workbook.worksheets) {
    const rows = readRows(worksheet, limits.deadline);
    if (rows.length === 0) continue;
    const sheet = sheetToBlocks(buildSheetTable(worksheet.name, rows));
    blocks.push(...sheet.blocks);
    sheets.push(sheet.summary);
  }
  const title = workbook.title?.trim() || undefined;
  return { type: 'xlsx', ...(title ? { title } : {}), blocks, sheets };
}

function readRows(worksheet: ExcelJS.Worksheet, deadline: Deadline): SheetRow[] {
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber % 1_000 === 0) deadline.check();
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      const value = plainExcelValue(cell.value);
      while (cells.length < columnNumber - 1) cells.push(emptyCell);
      cells[columnNumber - 1] = { value, text: formatCellValue(value) };
    });
    if (cells.some((cell) => cell.text !== '')) rows.push({ rowNumber, cells });
  });
  return rows;
}
