import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { extractText } from 'unpdf';
import { documentsDirectory } from '../../eval/dataset/documents.js';
import type { ExpectedSource } from '../../eval/dataset/questions.js';
import { extractDocument } from '../../src/ingest/extract-document.js';
import type { Block } from '../../src/ingest/extracted-document.js';

/** Reads the corpus independently of the search pipeline, so dataset checks do not depend on what they measure. */
export class CorpusText {
  private readonly cache = new Map<string, Promise<unknown>>();

  /** The text of each PDF page, read with unpdf. */
  pdfPages(document: string): Promise<string[]> {
    return this.cached(`pdf:${document}`, async () => {
      const bytes = new Uint8Array(await readFile(join(documentsDirectory, document)));
      return (await extractText(bytes, { mergePages: false })).text;
    });
  }

  /** A workbook read with exceljs. */
  workbook(document: string): Promise<ExcelJS.Workbook> {
    return this.cached(`xlsx:${document}`, async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(documentsDirectory, document));
      return workbook;
    });
  }

  /**
   * One row's cell values, or undefined when the sheet or row does not exist. They are joined
   * with semicolons: with spaces, fact matching would read "2023 109" as the number 2023109.
   */
  async rowText(document: string, sheet: string, row: number): Promise<string | undefined> {
    const worksheet = (await this.workbook(document)).getWorksheet(sheet);
    if (!worksheet || row > worksheet.actualRowCount) return undefined;
    const values = worksheet.getRow(row).values;
    return Array.isArray(values) ? values.filter((value) => value !== undefined && value !== null).join('; ') : undefined;
  }

  /** The text under a heading (the heading's own section and its subsections), or undefined when no such heading exists. */
  async sectionText(document: string, heading: string): Promise<string | undefined> {
    const extracted = await this.cached(`blocks:${document}`, async () =>
      extractDocument({ bytes: await readFile(join(documentsDirectory, document)), name: document }),
    );
    const blocks = extracted.blocks.filter((block) => (block.location.headingPath ?? []).includes(heading));
    return blocks.length === 0 ? undefined : blocks.map(blockText).join('\n');
  }

  async documentText(document: string): Promise<string> {
    return this.cached(`text:${document}`, () => readFile(join(documentsDirectory, document), 'utf8'));
  }

  /** The text an expected source points at, or undefined when the place it names does not exist. */
  async sourceText(source: ExpectedSource): Promise<string | undefined> {
    if (source.page !== undefined) return (await this.pdfPages(source.document))[source.page - 1];
    if (source.sheet !== undefined && source.row !== undefined) return this.rowText(source.document, source.sheet, source.row);
    if (source.heading !== undefined) return this.sectionText(source.document, source.heading);
    return this.documentText(source.document);
  }

  private cached<Value>(key: string, load: () => Promise<Value>): Promise<Value> {
    if (!this.cache.has(key)) this.cache.set(key, load());
    return this.cache.get(key) as Promise<Value>;
  }
}

function blockText(block: Block): string {
  if (block.kind === 'table') return [block.header, ...block.rows].map((cells) => cells.join('; ')).join('\n');
  return 'text' in block ? block.text : '';
}
