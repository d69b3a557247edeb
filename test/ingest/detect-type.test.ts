import { describe, expect, it } from 'vitest';
import { detectType } from '../../src/ingest/detect-type.js';
import { UnsupportedFileError } from '../../src/ingest/ingest-error.js';
import { elfHeader, pngHeader } from './fixtures/hostile-files.js';
import {
  annualReportPdf,
  contractDocx,
  customersJson,
  financialsXlsx,
  handbookMarkdown,
  newsArticleHtml,
  salesCsv,
} from './fixtures/sample-documents.js';

describe('detectType', () => {
  it('recognises binary formats by their magic bytes', async () => {
    expect(await detectType(annualReportPdf())).toBe('pdf');
    expect(await detectType(contractDocx())).toBe('docx');
    expect(await detectType(await financialsXlsx())).toBe('xlsx');
  });

  it('sniffs text formats from the content', async () => {
    expect(await detectType(Buffer.from(customersJson))).toBe('json');
    expect(await detectType(Buffer.from(newsArticleHtml))).toBe('html');
    expect(await detectType(Buffer.from(handbookMarkdown))).toBe('markdown');
    expect(await detectType(Buffer.from(salesCsv))).toBe('csv');
    expect(await detectType(Buffer.from('Minutes of the board meeting.\n\nThe board approved the budget.'))).toBe('text');
  });

  it('does not mistake prose with brackets or commas for JSON or CSV', async () => {
    expect(await detectType(Buffer.from('[Draft] Notes from Monday, to be confirmed]'))).toBe('text');
    expect(await detectType(Buffer.from('Dear Anna, thanks for the call.\nBest, Tom'))).toBe('text');
  });

  it('reads text with a UTF-16 byte-order mark as text', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello, world. Plain words.', 'utf16le')]);
    expect(await detectType(utf16)).toBe('text');
  });

  it('refuses images and executables with a reason naming what they are', async () => {
    await expect(detectType(pngHeader)).rejects.toThrow(new UnsupportedFileError('Images are not supported; only documents with text can be ingested (detected image/png)'));
    await expect(detectType(elfHeader)).rejects.toThrow(/Executable files are not accepted/);
    await expect(detectType(Buffer.from([0x00, 0x01, 0x02, 0x9c, 0x00, 0xff]))).rejects.toThrow(/binary data of an unrecognised format/);
    await expect(detectType(Buffer.alloc(0))).rejects.toThrow(/empty/);
  });

  it('ignores what the name claims: a PNG called report.pdf is still an image', async () => {
    const error = await detectType(pngHeader).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnsupportedFileError);
    expect((error as UnsupportedFileError).reason).toBe('unsupported-type');
  });
});
