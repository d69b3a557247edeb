import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/ingest/extract-document.js';
import { financialsXlsx, salesCsv } from './fixtures/sample-documents.js';

describe('sheet summary', () => {
  it('profiles each column with its type, counts and numeric statistics', async () => {
    const document = await extractDocument({ bytes: await financialsXlsx() });
    const revenue = document.sheets?.find((sheet) => sheet.sheet === 'Revenue');
    expect(revenue?.rowCount).toBe(3);
    expect(revenue?.columns.map((column) => [column.name, column.type])).toEqual([
      ['Year', 'number'],
      ['Revenue', 'number'],
      ['Costs', 'number'],
      ['Profit', 'number'],
      ['Region', 'text'],
      ['Closed on', 'date'],
      ['Audited', 'boolean'],
    ]);
    const profit = revenue?.columns.find((column) => column.name === 'Profit');
    expect(profit).toMatchObject({ nonEmptyCount: 3, distinctCount: 3, statistics: { minimum: 180_000, maximum: 284_000, sum: 694_000 } });
    expect(profit?.statistics?.mean).toBeCloseTo(231_333.333, 2);
    expect(revenue?.columns.find((column) => column.name === 'Region')).toMatchObject({ nonEmptyCount: 3, distinctCount: 2 });
    expect(revenue?.columns.find((column) => column.name === 'Closed on')).toMatchObject({ earliest: '2022-03-01', latest: '2024-03-04' });
    expect(revenue?.head[0]).toEqual(['2021', '980000', '800000', '180000', 'EMEA', '2022-03-01', 'true']);
  });

  it('renders the summary as Info and Head text and indexes it as a block', async () => {
    const document = await extractDocument({ bytes: Buffer.from(salesCsv) });
    const summary = document.sheets?.[0];
    expect(summary?.text).toBe(
      [
        'Info: sheet "Sheet1", 4 rows × 5 columns',
        '- Date (date): 4 non-empty, 4 distinct; from 2023-01-15 to 2023-03-11',
        '- Product (text): 4 non-empty, 3 distinct',
        '- Units (number): 4 non-empty, 4 distinct; min 30, max 120, mean 68.75, sum 275',
        '- Unit price (number): 4 non-empty, 3 distinct; min 10, max 21.35, mean 16.84, sum 67.35',
        '- Region (text): 4 non-empty, 3 distinct',
        '',
        'Head:',
        'Date | Product | Units | Unit price | Region',
        '2023-01-15 | Chai tea | 120 | 18.00 | EMEA',
        '2023-02-03 | Aniseed syrup | 45 | 10.00 | Americas',
        '2023-02-20 | Chai tea | 80 | 18.00 | APAC',
        '2023-03-11 | Gumbo mix, spicy | 30 | 21.35 | EMEA',
      ].join('\n'),
    );
    expect(document.blocks[0]).toEqual({ kind: 'sheet-summary', text: summary?.text, location: { sheet: 'Sheet1' } });
  });

  it('calls a mostly numeric column with the odd note a number column and a mixed one text', async () => {
    const csv = ['Item,Score,Note', 'a,1,x', 'b,2,3', 'c,3,y', 'd,4,5', 'e,5,z', 'f,6,6', 'g,7,w', 'h,8,8', 'i,9,v', 'j,n/a,u'].join('\n');
    const document = await extractDocument({ bytes: Buffer.from(csv) });
    const columns = document.sheets?.[0]?.columns;
    expect(columns?.find((column) => column.name === 'Score')).toMatchObject({ type: 'number', statistics: { minimum: 1, maximum: 9, sum: 45 } });
    expect(columns?.find((column) => column.name === 'Note')?.type).toBe('text');
  });
});
