import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/ingest/extract-document.js';
import { IngestError, UnsupportedFileError, type IngestFailureReason } from '../../src/ingest/ingest-error.js';
import { compressionBombDocx, elfHeader, lyingHeaderDocx, manyEntriesXlsx, pngHeader } from './fixtures/hostile-files.js';
import { writePdf } from './fixtures/pdf-writer.js';
import { annualReportPdf, financialsXlsx, salesCsv } from './fixtures/sample-documents.js';

async function failure(bytes: Buffer, options: Parameters<typeof extractDocument>[1] = {}): Promise<IngestError> {
  const error = await extractDocument({ bytes }, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

function expectFailure(error: IngestError, reason: IngestFailureReason, message: RegExp): void {
  expect(error.reason).toBe(reason);
  expect(error.message).toMatch(message);
  expect(error.code).toBe('VALIDATION_ERROR');
  expect(error.statusCode).toBe(400);
}

describe('extractDocument refuses bad input with a specific reason', () => {
  it('a corrupt PDF', async () => {
    const corrupt = Buffer.concat([annualReportPdf().subarray(0, 200), Buffer.from('this is not a PDF body '.repeat(20))]);
    expectFailure(await failure(corrupt), 'corrupt', /The PDF is corrupt/);
  });

  it('an encrypted PDF', async () => {
    const encrypted = writePdf([[{ text: 'Confidential board minutes' }]], { encrypted: true });
    expectFailure(await failure(encrypted), 'encrypted', /The PDF is encrypted with a password/);
  });

  it('a PDF over the page limit, before reading its pages', async () => {
    expectFailure(await failure(annualReportPdf(), { maximumPages: 2 }), 'too-many-pages', /3 pages \(limit 2\)/);
  });

  it('a zip bomb disguised as DOCX', async () => {
    expectFailure(await failure(compressionBombDocx()), 'archive-rejected', /decompression bomb: entry "word\/document.xml" expands/);
  });

  it('a DOCX whose headers lie about the inflated size', async () => {
    expectFailure(await failure(lyingHeaderDocx()), 'archive-rejected', /more bytes than its header declares/);
  });

  it('an XLSX container with too many entries', async () => {
    expectFailure(await failure(manyEntriesXlsx(3_000)), 'archive-rejected', /3001 entries \(limit 2000\)/);
  });

  it('a file over the size limit, before detecting its type', async () => {
    expectFailure(await failure(Buffer.alloc(2_048, 'a'), { maximumBytes: 1_024 }), 'too-large', /2048 bytes, over the limit of 1024 bytes/);
  });

  it('spreadsheets over the row limit', async () => {
    expectFailure(await failure(await financialsXlsx(), { maximumRows: 4 }), 'too-many-rows', /workbook has 8 rows \(limit 4\)/);
    expectFailure(await failure(Buffer.from(salesCsv), { maximumRows: 2 }), 'too-many-rows', /more than 2 rows/);
  });

  it('unsupported types: an image and an executable', async () => {
    const image = await failure(pngHeader);
    expect(image).toBeInstanceOf(UnsupportedFileError);
    expectFailure(image, 'unsupported-type', /Images are not supported/);
    expectFailure(await failure(elfHeader), 'unsupported-type', /Executable files are not accepted/);
  });

  it('malformed JSON that only looks like JSON at the start', async () => {
    const bytes = Buffer.from(`{"items": [${'"x",'.repeat(20_000)}`);
    expectFailure(await failure(bytes), 'corrupt', /The JSON is malformed/);
  });

  it('a parse that outlives its time budget', async () => {
    const pages = Array.from({ length: 60 }, (_unused, index) => [{ text: `Page ${index + 1} text.` }]);
    expectFailure(await failure(writePdf(pages), { timeoutMs: 1 }), 'timeout', /longer than 1 ms/);
  });
});
