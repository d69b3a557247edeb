import { describe, expect, it } from 'vitest';
import { readPassage } from '../../src/llm/offline/passage-structure.js';
import { analyseQuestion } from '../../src/llm/offline/question-analysis.js';

describe('readPassage', () => {
  it('reads the leading heading path as context, not as a sentence', () => {
    const units = readPassage("Annual Report 2024 > Chief Executive's review\n\nWe grew. Jo Bloggs, Chief Executive");
    expect(units.map((unit) => unit.kind)).toEqual(['heading', 'sentence', 'sentence']);
    expect(units[1]?.context.map((line) => line.text)).toEqual(['Annual Report 2024', "Chief Executive's review"]);
  });

  it('recognises rows, bar tables with headers, sheet profiles, inline headings and question lines', () => {
    const units = readPassage(
      'sheet.xlsx > Sales\n\nInfo: sheet "Sales", 2 rows × 2 columns\n- Year (number): 2 non-empty, 2 distinct\n\nHead:\nYear | Units\n2023 | 40\n\n' +
        'Year: 2024; Units: 55\n\n1. TERMS\n\nThe term is 12 months.\n\nCan I cancel?\nYes, at any time.',
    );
    expect(units.map((unit) => unit.kind)).toEqual([
      'heading',
      'meta',
      'meta',
      'meta',
      'table-header',
      'row',
      'row',
      'heading',
      'sentence',
      'question',
      'sentence',
    ]);
    expect(units[5]?.cells).toEqual([
      { column: 'Year', value: '2023' },
      { column: 'Units', value: '40' },
    ]);
    expect(units[8]?.context.at(-1)).toEqual({ text: 'TERMS', strength: 0.6 });
    expect(units[10]?.context.at(-1)).toEqual({ text: 'Can I cancel?', strength: 0.8 });
  });

  it('keeps a closing signature line as text', () => {
    const units = readPassage('Letter\n\nThank you all.\n\nJo Bloggs, Chair');
    expect(units.at(-1)).toMatchObject({ kind: 'sentence', text: 'Jo Bloggs, Chair' });
  });
});

describe('analyseQuestion', () => {
  it('finds names, figures and codes, grouping words of one name', () => {
    const question = analyseQuestion('How many TrailLite Pro X2 tents were sold in Singapore in 2023?', new Set());
    expect(question.namedPhrases).toEqual([['traillit', 'pro', 'x2'], ['singapor'], ['2023']]);
    expect(question.answerType).toBe('quantity');
    expect(question.focus).toEqual([{ term: 'tent' }]);
  });

  it('reads the kind of answer from the question word, not from a later clause', () => {
    expect(analyseQuestion('What rate do I get when I drive my own car?', new Set()).answerType).toBe('quantity');
    expect(analyseQuestion('By when must the form be sent?', new Set()).answerType).toBe('time');
    expect(analyseQuestion('How long is the warranty?', new Set()).answerType).toBe('duration');
    expect(analyseQuestion('Who signs the contract?', new Set()).answerType).toBe('person');
    expect(analyseQuestion('What does the fee cover?', new Set()).answerType).toBeUndefined();
  });

  it('ignores capitals in a title-case question and page references', () => {
    expect(analyseQuestion('What Is The Price Of The Tent?', new Set()).namedPhrases).toEqual([]);
    expect(analyseQuestion('According to page 3, how much cash did we hold?', new Set()).namedPhrases).toEqual([]);
  });
});
