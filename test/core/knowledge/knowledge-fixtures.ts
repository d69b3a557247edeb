import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { writePdf } from '../../ingest/fixtures/pdf-writer.js';

/** A three-page annual report whose revenue figure sits on page 2. */
export function annualReportPdf(): Buffer {
  return writePdf(
    [
      [{ text: 'Northwind Annual Report 2023', fontSize: 20 }, { text: 'A letter from the chair about our people and our plans.' }],
      [{ text: 'Financial highlights', fontSize: 16 }, { text: 'Revenue grew by 12 percent to 4.2 billion euros, driven by the turbine business.' }],
      [{ text: 'Outlook', fontSize: 16 }, { text: 'We expect steady demand for offshore wind installations next year.' }],
    ],
    { title: 'Northwind Annual Report 2023' },
  );
}

/** A different PDF, for refresh tests: the revenue figure changed. */
export function restatedReportPdf(): Buffer {
  return writePdf([
    [{ text: 'Northwind Annual Report 2023 (restated)', fontSize: 20 }],
    [{ text: 'Restated figures', fontSize: 16 }, { text: 'After the audit the gearbox division closed with a loss of 80 million euros.' }],
  ]);
}

/** A workbook whose sheet "Regions" lists headcount per office; Lisbon is on row 4. */
export async function officesWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Regions');
  sheet.addRow(['Office', 'Country', 'Headcount']);
  sheet.addRow(['Hamburg', 'Germany', 420]);
  sheet.addRow(['Aarhus', 'Denmark', 310]);
  sheet.addRow(['Lisbon', 'Portugal', 57]);
  sheet.addRow(['Gdansk', 'Poland', 128]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Bytes that start like a PDF and then stop making sense. */
export function corruptPdf(): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R'), randomBytes(2048)]);
}

/** A gzip archive, which Docent does not ingest (upload the documents inside it instead). */
export function gzipArchive(): Buffer {
  return gzipSync(Buffer.from('Revenue grew by 12 percent.'));
}

/** A multipart/form-data body with one file part, as a browser would send it. */
export function multipartFile(filename: string, bytes: Buffer, field = 'file'): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----docent${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
