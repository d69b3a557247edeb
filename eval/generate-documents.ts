/**
 * Regenerates the two binary documents of the evaluation corpus from their sources in
 * `eval/sources/`: the annual report PDF and the financial figures workbook. The outputs are
 * committed, so `npm run eval` never depends on running this; run it after editing a source:
 *
 *   npx tsx eval/generate-documents.ts
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { documentsDirectory } from './dataset/documents.js';
import { writePdf } from './pdf/pdf-writer.js';
import { annualReportFileName, annualReportPages, annualReportTitle } from './sources/annual-report.js';
import { financialFiguresFileName, financialFiguresSheets } from './sources/financial-figures.js';

/** Fixed document properties, so regenerating an unchanged source changes as little as possible. */
const documentDate = new Date('2025-03-31T00:00:00Z');

async function writeWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tidewell Instruments finance team';
  workbook.created = documentDate;
  workbook.modified = documentDate;
  for (const sheet of financialFiguresSheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    worksheet.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row);
    worksheet.columns.forEach((column) => (column.width = 22));
  }
  await workbook.xlsx.writeFile(path);
}

await writeFile(join(documentsDirectory, annualReportFileName), writePdf(annualReportPages, annualReportTitle));
await writeWorkbook(join(documentsDirectory, financialFiguresFileName));
console.log(`Wrote ${annualReportFileName} and ${financialFiguresFileName} to ${documentsDirectory}`);
