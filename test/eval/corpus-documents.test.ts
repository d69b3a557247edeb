import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentsDirectory, listDocuments } from '../../eval/dataset/documents.js';
import { writePdf } from '../../eval/pdf/pdf-writer.js';
import { annualReportFileName, annualReportPages, annualReportTitle } from '../../eval/sources/annual-report.js';
import { financialFiguresFileName, financialFiguresSheets } from '../../eval/sources/financial-figures.js';
import { CorpusText } from './corpus-text.js';

const corpus = new CorpusText();

describe('the evaluation corpus', () => {
  it('holds a PDF, a spreadsheet, Markdown, HTML and plain text', async () => {
    const extensions = new Set((await listDocuments()).map((name) => name.split('.').pop()));
    expect([...extensions].sort()).toEqual(['html', 'md', 'pdf', 'txt', 'xlsx']);
  });

  it('commits the annual report exactly as the generator writes it from its source', async () => {
    const committed = await readFile(join(documentsDirectory, annualReportFileName));
    expect(committed.equals(writePdf(annualReportPages, annualReportTitle))).toBe(true);
  });

  it('has an annual report that unpdf reads page by page', async () => {
    const pages = await corpus.pdfPages(annualReportFileName);
    expect(pages).toHaveLength(annualReportPages.length);
    expect(pages[0]).toContain(annualReportTitle);
    expect(pages[5]).toContain('Outlook');
  });

  it('commits a workbook whose sheets hold the source figures, header first', async () => {
    const workbook = await corpus.workbook(financialFiguresFileName);
    for (const sheet of financialFiguresSheets) {
      const worksheet = workbook.getWorksheet(sheet.name);
      expect(worksheet, sheet.name).toBeDefined();
      const rows = [sheet.header, ...sheet.rows];
      expect(worksheet?.actualRowCount).toBe(rows.length);
      rows.forEach((row, index) => expect(worksheet?.getRow(index + 1).values).toEqual([undefined, ...row]));
    }
  });

  it('is between 15 and 40 KB of text', async () => {
    const documents = await listDocuments();
    let characters = (await corpus.pdfPages(annualReportFileName)).join('\n').length;
    characters += financialFiguresSheets.flatMap((sheet) => [sheet.header, ...sheet.rows]).flat().join(' ').length;
    for (const document of documents.filter((name) => !/\.(pdf|xlsx)$/.test(name))) characters += (await corpus.documentText(document)).length;
    expect(characters).toBeGreaterThan(15_000);
    expect(characters).toBeLessThan(40_000);
  });
});
