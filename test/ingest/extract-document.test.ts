import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block, ExtractedDocument } from '../../src/ingest/extracted-document.js';
import { extractDocument } from '../../src/ingest/extract-document.js';
import {
  annualReportPdf,
  contractDocx,
  customersJson,
  financialsXlsx,
  handbookMarkdown,
  newsArticleHtml,
  salesCsv,
} from './fixtures/sample-documents.js';

function blocksOf<Kind extends Block['kind']>(document: ExtractedDocument, kind: Kind): Extract<Block, { kind: Kind }>[] {
  return document.blocks.filter((block): block is Extract<Block, { kind: Kind }> => block.kind === kind);
}

function paragraphContaining(document: ExtractedDocument, text: string): Extract<Block, { text: string }> | undefined {
  return document.blocks.find(
    (block): block is Extract<Block, { text: string }> => 'text' in block && block.kind !== 'heading' && block.text.includes(text),
  );
}

describe('extractDocument: PDF', () => {
  it('keeps page numbers, the title and headings recovered from font sizes', async () => {
    const document = await extractDocument({ bytes: annualReportPdf() });
    expect(document).toMatchObject({ type: 'pdf', title: 'Northwind Annual Report 2023', pageCount: 3 });
    expect(paragraphContaining(document, 'Maria Anders')?.location.page).toBe(1);
    expect(paragraphContaining(document, 'EUR 1,234 million')?.location).toEqual({
      page: 2,
      headingPath: ['Northwind Annual Report 2023', 'Financial highlights'],
    });
    expect(paragraphContaining(document, 'EMEA contributed')?.location.headingPath).toEqual([
      'Northwind Annual Report 2023',
      'Financial highlights',
      'Regional results',
    ]);
    expect(paragraphContaining(document, 'EUR 2.10 per share')?.location.page).toBe(3);
    expect(blocksOf(document, 'page-break').map((block) => block.location.page)).toEqual([2, 3]);
  });

  it('joins wrapped lines into one paragraph and splits paragraphs at vertical gaps', async () => {
    const document = await extractDocument({ bytes: annualReportPdf() });
    const firstPage = blocksOf(document, 'paragraph').filter((block) => block.location.page === 1);
    expect(firstPage.map((block) => block.text)).toEqual([
      'Dear shareholders, 2023 was a year of steady growth for Northwind Traders. Our chief executive, Maria Anders, led the expansion into three new markets.',
      'We thank our 4,200 employees for their commitment.',
    ]);
  });
});

describe('extractDocument: DOCX', () => {
  it('keeps headings with their path, list items and the table with its header row', async () => {
    const document = await extractDocument({ bytes: contractDocx() });
    expect(document.title).toBe('Supply Agreement');
    expect(blocksOf(document, 'heading').map((block) => [block.level, block.text])).toEqual([
      [1, 'Supply Agreement'],
      [2, 'Obligations'],
      [2, 'Price schedule'],
      [3, 'Termination'],
    ]);
    expect(blocksOf(document, 'list-item').map((block) => block.text)).toEqual([
      'Contoso delivers within 10 business days of each order.',
      'Northwind pays invoices within 30 days.',
    ]);
    const [table] = blocksOf(document, 'table');
    expect(table).toMatchObject({
      header: ['Product', 'Unit price', 'Minimum order'],
      rows: [
        ['Chai tea', 'EUR 18.00', '50 boxes'],
        ['Aniseed syrup', 'EUR 10.00', '24 bottles'],
      ],
      location: { headingPath: ['Supply Agreement', 'Price schedule'] },
    });
    expect(paragraphContaining(document, '90 days')?.location.headingPath).toEqual(['Supply Agreement', 'Price schedule', 'Termination']);
  });
});

describe('extractDocument: XLSX', () => {
  it('turns each row into a block with its headers, formula results, ISO dates and sheet + row', async () => {
    const document = await extractDocument({ bytes: await financialsXlsx(), name: 'financials.xlsx' });
    const rows = blocksOf(document, 'sheet-row');
    expect(rows.find((row) => row.text.startsWith('Year: 2023'))).toMatchObject({
      text: 'Year: 2023; Revenue: 1234000; Costs: 950000; Profit: 284000; Region: Americas; Closed on: 2024-03-04; Audited: false',
      location: { sheet: 'Revenue', row: 5 },
    });
    expect(rows.find((row) => row.location.sheet === 'Staff')).toMatchObject({
      text: 'Name: Maria Anders; Role: Chief executive; Office: Berlin',
      location: { sheet: 'Staff', row: 2 },
    });
    expect(document.title).toBe('financials.xlsx');
    expect(paragraphContaining(document, 'Northwind revenue by year')?.location).toEqual({ sheet: 'Revenue' });
  });
});

describe('extractDocument: CSV', () => {
  it('reads rows with headers, keeps quoted commas and counts rows as a spreadsheet would', async () => {
    const document = await extractDocument({ bytes: Buffer.from(salesCsv) });
    const rows = blocksOf(document, 'sheet-row');
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatchObject({
      text: 'Date: 2023-03-11; Product: Gumbo mix, spicy; Units: 30; Unit price: 21.35; Region: EMEA',
      location: { sheet: 'Sheet1', row: 6 },
    });
  });
});

describe('extractDocument: HTML', () => {
  it('keeps the article and drops navigation and footer', async () => {
    const document = await extractDocument({ bytes: Buffer.from(newsArticleHtml), url: 'https://news.example.com/berlin-hub' });
    const allText = document.blocks.map((block) => ('text' in block ? block.text : '')).join('\n');
    expect(allText).toContain('40,000 orders a day');
    expect(allText).not.toContain('Careers');
    expect(allText).not.toContain('All rights reserved');
    expect(document.url).toBe('https://news.example.com/berlin-hub');
    expect(blocksOf(document, 'list-item').map((block) => [block.depth, block.text])).toEqual([
      [0, 'Floor space: 52,000 square metres'],
      [0, 'Investment: EUR 85 million'],
      [1, 'of which EUR 12 million for automation'],
    ]);
    expect(blocksOf(document, 'table')[0]).toMatchObject({ header: ['Quarter', 'Orders shipped'], location: { headingPath: ['Key figures'] } });
  });

  it('skips page furniture on short pages where Readability keeps everything', async () => {
    const html = '<html><body><nav>Menu</nav><h1>Opening hours</h1><p>Mon–Fri 9–17</p><footer>Imprint</footer></body></html>';
    const document = await extractDocument({ bytes: Buffer.from(html) });
    expect(document.blocks.map((block) => ('text' in block ? block.text : ''))).toEqual(['Opening hours', 'Mon–Fri 9–17']);
  });
});

describe('extractDocument: Markdown, text and JSON', () => {
  it('reads Markdown headings, nested lists, tables and code fences', async () => {
    const document = await extractDocument({ bytes: Buffer.from(handbookMarkdown) });
    expect(document.title).toBe('Employee Handbook');
    expect(blocksOf(document, 'list-item').map((block) => [block.depth, block.ordered, block.text])).toEqual([
      [0, false, 'Request leave in the HR portal at least two weeks ahead.'],
      [0, false, 'Unused leave:'],
      [1, false, 'up to 5 days carry over to the next year'],
      [1, false, 'the rest expires on 31 March'],
      [0, true, 'Ask your manager.'],
      [0, true, 'Record the dates.'],
    ]);
    expect(blocksOf(document, 'table')[0]).toMatchObject({
      header: ['Category', 'Limit', 'Approval'],
      rows: [
        ['Meals', 'EUR 40 per day', 'Manager'],
        ['Hotels', 'EUR 180 per night', 'Finance'],
      ],
      location: { headingPath: ['Employee Handbook', 'Expenses'] },
    });
    expect(blocksOf(document, 'code')[0]).toMatchObject({ language: 'json', text: '{ "policy": "expenses", "version": 3 }' });
    expect(paragraphContaining(document, '28 days')?.text).toBe('Full-time employees receive 28 days of paid leave per year.');
  });

  it('splits plain text into paragraphs on blank lines', async () => {
    const text = 'Minutes of the board meeting.\nHeld on 3 May.\n\n  \nThe board approved the budget.\r\n\r\nMeeting closed.';
    const document = await extractDocument({ bytes: Buffer.from(text) });
    expect(document.blocks.map((block) => ('text' in block ? block.text : ''))).toEqual([
      'Minutes of the board meeting.\nHeld on 3 May.',
      'The board approved the budget.',
      'Meeting closed.',
    ]);
  });

  it('flattens JSON into path: value lines grouped per top-level item', async () => {
    const document = await extractDocument({ bytes: Buffer.from(customersJson) });
    const paragraphs = blocksOf(document, 'paragraph');
    expect(paragraphs.map((block) => block.location.headingPath)).toEqual([['[0]'], ['[1]']]);
    expect(paragraphs[0]?.text.split('\n')).toEqual([
      '[0].id: 1',
      '[0].name: Alfreds Futterkiste',
      '[0].address.city: Berlin',
      '[0].address.country: Germany',
      '[0].tags[0]: key account',
    ]);
    expect(paragraphs[1]?.text).toContain('[1].tags: []');
  });
});

describe('extractDocument: from a file path', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'docent-ingest-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('gives the same result as from bytes, for every format', async () => {
    const samples: [string, Buffer][] = [
      ['report.bin', annualReportPdf()],
      ['contract.bin', contractDocx()],
      ['financials.bin', await financialsXlsx()],
      ['sales.bin', Buffer.from(salesCsv)],
      ['handbook.bin', Buffer.from(handbookMarkdown)],
    ];
    for (const [name, bytes] of samples) {
      const path = join(directory, name);
      await writeFile(path, bytes);
      expect(await extractDocument({ path })).toEqual(await extractDocument({ bytes }));
    }
  });
});
