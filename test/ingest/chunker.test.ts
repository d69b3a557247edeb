import { countTokens } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/ingest/chunker.js';
import type { ExtractedDocument } from '../../src/ingest/extracted-document.js';
import { extractDocument } from '../../src/ingest/extract-document.js';
import { annualReportPdf, contractDocx, financialsXlsx } from './fixtures/sample-documents.js';
import { longReport } from './fixtures/long-report.js';

describe('chunkDocument', () => {
  it('keeps every chunk within the token budget, counted exactly', () => {
    for (const chunkSize of [64, 128, 300]) {
      const chunks = chunkDocument(longReport(), { chunkSize, chunkOverlap: 16 });
      expect(chunks.length).toBeGreaterThan(1);
      for (const chunk of chunks) {
        expect(chunk.tokenCount).toBe(countTokens(chunk.text));
        expect(chunk.tokenCount).toBeLessThanOrEqual(chunkSize);
      }
    }
  });

  it('prepends the heading path and records pages, spanning a page break when needed', () => {
    const chunks = chunkDocument(longReport(), { chunkSize: 200, chunkOverlap: 0 });
    for (const chunk of chunks) {
      expect(chunk.text.startsWith('Annual Report 2023 > Financial highlights\n\n')).toBe(true);
      expect(chunk.location.headingPath).toEqual(['Annual Report 2023', 'Financial highlights']);
    }
    expect(chunks[0]?.location.page).toBe(1);
    const spanning = chunks.find((chunk) => chunk.text.includes('Clause 30 ') && chunk.text.includes('Clause 31 '));
    expect(spanning?.location).toMatchObject({ page: 1, pageEnd: 2 });
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual(chunks.map((_chunk, index) => index));
  });

  it('never splits a sentence or a table row, and every row carries its headers', () => {
    const chunks = chunkDocument(longReport(), { chunkSize: 100, chunkOverlap: 20 });
    const bodies = chunks.map((chunk) => chunk.text.split('\n\n').slice(1).join('\n\n'));
    for (const body of bodies) {
      for (const line of body.split('\n')) {
        if (line.startsWith('Year:')) expect(line).toMatch(/^Year: \d{4}; Revenue: [\d,]+; Region: EMEA$/);
        else if (line !== '') expect(line).toMatch(/^Clause \d+ says .*years\.$/);
      }
    }
    const allRows = new Set(bodies.flatMap((body) => body.split('\n').filter((line) => line.startsWith('Year:'))));
    expect(allRows.size).toBe(40);
  });

  it('repeats whole sentences from the end of the previous chunk as overlap', () => {
    const chunks = chunkDocument(longReport(), { chunkSize: 120, chunkOverlap: 40 });
    const sentenceChunks = chunks.filter((chunk) => chunk.text.includes('Clause'));
    for (let index = 1; index < sentenceChunks.length; index += 1) {
      const previous = sentenceChunks[index - 1]?.text ?? '';
      const firstSentence = /Clause \d+ says[^.]*\./.exec(sentenceChunks[index]?.text ?? '')?.[0] ?? '';
      expect(previous).toContain(firstSentence);
    }
    const withoutOverlap = chunkDocument(longReport(), { chunkSize: 120, chunkOverlap: 0 }).filter((chunk) => chunk.text.includes('Clause'));
    const firstSentenceOf = (text: string): string => /Clause \d+ says[^.]*\./.exec(text)?.[0] ?? '';
    expect(withoutOverlap[0]?.text).not.toContain(firstSentenceOf(withoutOverlap[1]?.text ?? ''));
  });

  it('splits a single sentence longer than the chunk size, and only then', () => {
    const runOn = `The supplier shall ${'deliver and invoice and store and ship '.repeat(40)}forever.`;
    const document: ExtractedDocument = { type: 'text', blocks: [{ kind: 'paragraph', text: runOn, location: {} }] };
    const chunks = chunkDocument(document, { chunkSize: 64, chunkOverlap: 0 });
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((chunk) => chunk.tokenCount <= 64)).toBe(true);
    expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(runOn);
  });

  it('keeps list items whole and headed by their section', async () => {
    const chunks = chunkDocument(await extractDocument({ bytes: contractDocx() }), { chunkSize: 64, chunkOverlap: 0 });
    expect(chunks.map((chunk) => chunk.text)).toContain(
      'Supply Agreement > Obligations\n\n- Contoso delivers within 10 business days of each order.\n- Northwind pays invoices within 30 days.',
    );
  });

  it('gives spreadsheet rows their own chunk with headers, sheet and row', async () => {
    const document = await extractDocument({ bytes: await financialsXlsx(), name: 'financials.xlsx' });
    const chunks = chunkDocument(document, { rowGroupTokens: 1 });
    const row2023 = chunks.find((chunk) => chunk.text.includes('Year: 2023'));
    expect(row2023).toMatchObject({
      text: 'financials.xlsx > Revenue\n\nYear: 2023; Revenue: 1234000; Costs: 950000; Profit: 284000; Region: Americas; Closed on: 2024-03-04; Audited: false',
      location: { sheet: 'Revenue', row: 5 },
    });
    const grouped = chunkDocument(document).find((chunk) => chunk.text.includes('Maria Anders') && chunk.location.row !== undefined);
    expect(grouped?.location).toMatchObject({ sheet: 'Staff', row: 2, rowEnd: 3 });
    expect(chunkDocument(document).some((chunk) => chunk.text.includes('Info: sheet "Revenue"'))).toBe(true);
  });

  it('is deterministic: the same document and options give identical chunks', async () => {
    const first = chunkDocument(await extractDocument({ bytes: annualReportPdf() }), { chunkSize: 48, chunkOverlap: 8 });
    const second = chunkDocument(await extractDocument({ bytes: annualReportPdf() }), { chunkSize: 48, chunkOverlap: 8 });
    expect(second).toEqual(first);
    expect(chunkDocument(longReport())).toEqual(chunkDocument(longReport()));
  });

  it('copies the source URL into every location and rejects unusable settings', () => {
    const chunks = chunkDocument({ ...longReport(), url: 'https://example.com/report' });
    expect(chunks.every((chunk) => chunk.location.url === 'https://example.com/report')).toBe(true);
    expect(() => chunkDocument(longReport(), { chunkSize: 8 })).toThrow(RangeError);
    expect(() => chunkDocument(longReport(), { chunkSize: 100, chunkOverlap: 60 })).toThrow(RangeError);
  });
});
