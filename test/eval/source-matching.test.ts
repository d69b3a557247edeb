import { describe, expect, it } from 'vitest';
import { isRelevant, matchesExpectedSource } from '../../eval/scoring/source-matching.js';
import { passage } from './passages.js';

const report = 'report.pdf';
const workbook = 'figures.xlsx';

describe('matchesExpectedSource', () => {
  it('needs the same document', () => {
    expect(matchesExpectedSource(passage(report), { document: report })).toBe(true);
    expect(matchesExpectedSource(passage('handbook.md'), { document: report })).toBe(false);
    expect(matchesExpectedSource(passage(undefined), { document: report })).toBe(false);
  });

  it('matches a page inside the span a passage covers', () => {
    const spanning = passage(report, { page: 3, pageEnd: 4 });
    expect(matchesExpectedSource(spanning, { document: report, page: 3 })).toBe(true);
    expect(matchesExpectedSource(spanning, { document: report, page: 4 })).toBe(true);
    expect(matchesExpectedSource(spanning, { document: report, page: 5 })).toBe(false);
    expect(matchesExpectedSource(passage(report, { page: 2 }), { document: report, page: 3 })).toBe(false);
    expect(matchesExpectedSource(passage(report), { document: report, page: 1 })).toBe(false);
  });

  it('matches a row of the right sheet inside the rows a passage groups', () => {
    const rows = passage(workbook, { sheet: 'Revenue', row: 10, rowEnd: 11 });
    expect(matchesExpectedSource(rows, { document: workbook, sheet: 'Revenue', row: 11 })).toBe(true);
    expect(matchesExpectedSource(rows, { document: workbook, sheet: 'Revenue', row: 12 })).toBe(false);
    expect(matchesExpectedSource(rows, { document: workbook, sheet: 'Headcount', row: 11 })).toBe(false);
    expect(matchesExpectedSource(passage(workbook, { sheet: 'Revenue' }), { document: workbook, sheet: 'Revenue', row: 2 })).toBe(false);
  });

  it('matches a heading at any level of the heading path, ignoring case and spacing', () => {
    const section = passage('faq.md', { headingPath: ['Customer FAQ', 'Returns', 'Can I return  an instrument?'] });
    expect(matchesExpectedSource(section, { document: 'faq.md', heading: 'Returns' })).toBe(true);
    expect(matchesExpectedSource(section, { document: 'faq.md', heading: 'can i return an instrument?' })).toBe(true);
    expect(matchesExpectedSource(section, { document: 'faq.md', heading: 'Delivery' })).toBe(false);
    expect(matchesExpectedSource(section, { document: 'faq.md', heading: 'Return' })).toBe(false);
  });
});

describe('isRelevant', () => {
  it('accepts a passage matching any expected source', () => {
    const sources = [{ document: report, page: 3 }, { document: workbook, sheet: 'Revenue', row: 16 }];
    expect(isRelevant(passage(workbook, { sheet: 'Revenue', row: 16 }), sources)).toBe(true);
    expect(isRelevant(passage(report, { page: 1 }), sources)).toBe(false);
    expect(isRelevant(passage(report, { page: 3 }), [])).toBe(false);
  });
});
