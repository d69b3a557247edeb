import { decode, encode } from 'gpt-tokenizer';
import { describe, expect, it } from 'vitest';
import { chunkDocument, defaultChunkOptions, type Chunk, type ChunkLocation, type ChunkOptions } from '../../src/ingest/chunker.js';
import { sectionsOf, type ChunkUnit, type Section } from '../../src/ingest/chunking/chunk-units.js';
import { isFixedBoundary, textParts, TokenTally } from '../../src/ingest/chunking/token-parts.js';
import { countTextTokens, truncateToTokens } from '../../src/llm/token-count.js';
import type { Block, ExtractedDocument } from '../../src/ingest/extracted-document.js';
import { extractDocument } from '../../src/ingest/extract-document.js';
import { annualReportPdf, contractDocx, financialsXlsx } from './fixtures/sample-documents.js';
import { longReport } from './fixtures/long-report.js';
import { seededRandom } from '../helpers/seeded-random.js';

/**
 * The chunker as it was before token counts were reused: every unit, every separator, every
 * candidate chunk and every final chunk counted again from scratch. Kept verbatim as the exact
 * reference the fast chunker must match chunk for chunk.
 */
function exactReferenceChunkDocument(document: ExtractedDocument, options: Partial<ChunkOptions> = {}): Chunk[] {
  const settings = { ...defaultChunkOptions, ...options };
  type MeasuredUnit = ChunkUnit & { tokenCount: number };
  const prefix = (context: string): string => (context === '' ? '' : `${context}\n\n`);
  const joinUnits = (units: readonly ChunkUnit[]): string =>
    units.map((unit, index) => (index === 0 ? unit.text : unit.separator + unit.text)).join('');
  const contextLine = (section: Section): string => {
    const path = section.headingPath ?? (section.sheet !== undefined ? [section.sheet] : []);
    const title = document.title;
    const full = title && path[0] !== title ? [title, ...path] : path;
    const budget = Math.floor(settings.chunkSize * 0.25);
    for (const candidate of [full, path, path.slice(-1)]) {
      const line = candidate.join(' > ');
      if (countTextTokens(`${line}\n\n`) <= budget) return line;
    }
    return truncateToTokens(path.at(-1) ?? '', budget - 2).text;
  };
  const splitToTokenLimit = (text: string, maximumTokens: number): string[] => {
    if (countTextTokens(text) <= maximumTokens) return [text];
    const pieces: string[] = [];
    let current: string[] = [];
    let currentTokens = 0;
    const flush = (): void => {
      if (current.length > 0) pieces.push(current.join(' '));
      current = [];
      currentTokens = 0;
    };
    for (const word of text.split(/\s+/).filter((part) => part !== '')) {
      const wordTokens = countTextTokens(current.length === 0 ? word : ` ${word}`);
      if (currentTokens + wordTokens <= maximumTokens) {
        current.push(word);
        currentTokens += wordTokens;
        continue;
      }
      flush();
      if (countTextTokens(word) <= maximumTokens) {
        current.push(word);
        currentTokens = countTextTokens(word);
        continue;
      }
      const tokens = encode(word, { disallowedSpecial: new Set() });
      for (let start = 0; start < tokens.length; start += maximumTokens) pieces.push(decode(tokens.slice(start, start + maximumTokens)));
    }
    flush();
    return pieces;
  };
  const measure = (units: readonly ChunkUnit[], budget: number): MeasuredUnit[] => {
    const measured: MeasuredUnit[] = [];
    for (const unit of units) {
      const tokenCount = countTextTokens(unit.text);
      if (tokenCount <= budget) {
        measured.push({ ...unit, tokenCount });
        continue;
      }
      splitToTokenLimit(unit.text, budget).forEach((piece, index) => {
        measured.push({ ...unit, text: piece, separator: index === 0 ? unit.separator : ' ', tokenCount: countTextTokens(piece) });
      });
    }
    return measured;
  };
  const tokensOf = (units: readonly MeasuredUnit[]): number =>
    units.reduce((total, unit, index) => total + unit.tokenCount + (index > 0 ? countTextTokens(unit.separator) : 0), 0);
  const overlapTail = (units: readonly MeasuredUnit[], overlap: number, nextTokens: number, budget: number): MeasuredUnit[] => {
    const tail: MeasuredUnit[] = [];
    let tokens = 0;
    for (let index = units.length - 1; index >= 0; index -= 1) {
      const unit = units[index] as MeasuredUnit;
      if (tokens + unit.tokenCount > overlap || tokens + unit.tokenCount + nextTokens > budget) break;
      tail.unshift(unit);
      tokens += unit.tokenCount;
    }
    return tail;
  };
  function* packSection(section: Section, context: string): Generator<MeasuredUnit[]> {
    const budget = settings.chunkSize - countTextTokens(prefix(context));
    const fill = section.packing === 'rows' ? Math.min(settings.rowGroupTokens, budget) : budget;
    const overlap = section.packing === 'rows' ? 0 : settings.chunkOverlap;
    const exceedsChunkSize = (units: readonly ChunkUnit[]): boolean => countTextTokens(prefix(context) + joinUnits(units)) > settings.chunkSize;
    const queue = measure(section.units, budget);
    let current: MeasuredUnit[] = [];
    let currentTokens = 0;
    let fresh = 0;
    let index = 0;
    while (index < queue.length) {
      const unit = queue[index] as MeasuredUnit;
      const added = unit.tokenCount + (current.length > 0 ? countTextTokens(unit.separator) : 0);
      if (fresh === 0 || currentTokens + added <= fill) {
        current.push(unit);
        currentTokens += added;
        fresh += 1;
        index += 1;
        if (index < queue.length) continue;
      }
      while (current.length > 1 && exceedsChunkSize(current)) {
        if (current.length > fresh) current.shift();
        else {
          current.pop();
          fresh -= 1;
          index -= 1;
        }
      }
      yield current;
      const next = queue[index];
      if (next === undefined) break;
      current = overlapTail(current, overlap, next.tokenCount, budget);
      currentTokens = tokensOf(current);
      fresh = 0;
    }
  }
  const assemble = (context: string, units: readonly MeasuredUnit[], section: Section): Omit<Chunk, 'ordinal'> => {
    const text = prefix(context) + joinUnits(units);
    const location: ChunkLocation = {};
    const pages = units.flatMap((unit) => (unit.page !== undefined ? [unit.page] : []));
    const rows = units.flatMap((unit) => (unit.row !== undefined ? [unit.row] : []));
    if (pages.length > 0) {
      location.page = Math.min(...pages);
      if (Math.max(...pages) > location.page) location.pageEnd = Math.max(...pages);
    }
    if (section.headingPath) location.headingPath = section.headingPath;
    if (section.sheet !== undefined) location.sheet = section.sheet;
    if (rows.length > 0) {
      location.row = Math.min(...rows);
      if (Math.max(...rows) > location.row) location.rowEnd = Math.max(...rows);
    }
    if (document.url) location.url = document.url;
    return { text, tokenCount: countTextTokens(text), location };
  };
  const chunks: Chunk[] = [];
  for (const section of sectionsOf(document.blocks)) {
    const context = contextLine(section);
    for (const units of packSection(section, context)) chunks.push({ ...assemble(context, units, section), ordinal: chunks.length });
  }
  return chunks;
}

/** A seeded generator of varied text: prose, abbreviations, numbers, code, CJK, emoji, symbols, odd whitespace. */
function variedText(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const words = [
    'the', 'supplier', 'keeps', 'records', 'for', 'seven', 'years', 'Contoso', 'invoices', "don't", "it's", 'e.g.', 'i.e.', 'U.S.',
    'naïve', 'café', 'Straße', 'über', 'résumé', 'x86_64', 'HTTP/2', 'v1.2.3', '3.14159', '1,000,000', '2024-03-04', '12:30',
    '$1,234.56', '50%', 'https://example.com/a?b=c', 'user@example.com', '#hashtag', '@mention', 'C++', 'Node.js', '—', '–', '…',
    '(see', 'above)', '"quoted"', '“curly”', '’tis', 'O’Brien', 'émigré', 'Ελληνικά', 'русский', 'עברית', 'العربية', '😀', '👍🏽',
    '日本語の文章です', '中文句子', '한국어', 'ไทย', 'नमस्ते', 'a\u0301', '<|endoftext|>', '\\n', '/*', '*/', '=>', '!==', '...',
  ];
  const sentence = (length = 4 + Math.floor(random() * 20)): string => {
    const parts = Array.from({ length }, () => pick(words));
    const first = parts[0] ?? 'The';
    parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${parts.join(random() < 0.05 ? '  ' : ' ')}${pick(['.', '!', '?', '.', '。', ':', ';', ''])}`;
  };
  const cjkSentence = (): string =>
    Array.from({ length: 2 + Math.floor(random() * 6) }, () => pick(['日本語の文章です', '東京は大きい', '中文句子很长', '데이터를 저장합니다', '价格是１２３元'])).join(pick(['、', '，', ''])) + pick(['。', '！', '？', '']);
  const paragraph = (): string => {
    const kind = random();
    if (kind < 0.1) return cjkSentence() + cjkSentence() + cjkSentence();
    if (kind < 0.15) return `${sentence(4)} ${'and then the supplier ships the goods '.repeat(20 + Math.floor(random() * 80))}finally.`;
    if (kind < 0.18) return `${pick(words)}${'x'.repeat(300 + Math.floor(random() * 2000))} tail.`;
    if (kind < 0.22) return Array.from({ length: 3 }, () => sentence()).join('\n');
    return Array.from({ length: 1 + Math.floor(random() * 6) }, () => sentence()).join(' ');
  };
  const code = (): string =>
    Array.from({ length: 3 + Math.floor(random() * 12) }, () =>
      pick(['function f(a, b) {', '  return a + b;', '}', '', '    if (x !== y) throw new Error("bad");', '// comment line', '\tconst 日本 = 1;', 'SELECT * FROM t WHERE id = 1;', '  ', 'x = [1, 2, 3]  ']),
    ).join('\n');
  const blocks: Block[] = [];
  const path: string[] = [];
  let page = 1;
  for (let index = 0; index < 140; index += 1) {
    const roll = random();
    if (roll < 0.08) {
      path.splice(Math.floor(random() * 3), Infinity, sentence(2 + Math.floor(random() * 4)).replace(/[.!?。:;]$/, ''));
      blocks.push({ kind: 'heading', level: path.length, text: path.at(-1) ?? '', location: { page, headingPath: [...path] } });
      continue;
    }
    if (roll < 0.12) {
      page += 1;
      blocks.push({ kind: 'page-break', location: { page } });
      continue;
    }
    const location = { page, ...(path.length > 0 ? { headingPath: [...path] } : {}) };
    if (roll < 0.3) {
      blocks.push({ kind: 'list-item', text: sentence(), ordered: random() < 0.5, depth: Math.floor(random() * 3), location });
    } else if (roll < 0.4) {
      const header = random() < 0.2 ? [] : ['Year', 'Revenue', 'Région', '备注'];
      const rows = Array.from({ length: Math.floor(random() * 30) }, () => [String(1990 + Math.floor(random() * 40)), pick(words), random() < 0.3 ? '' : pick(words), sentence(3)]);
      blocks.push({ kind: 'table', header, rows, location });
    } else if (roll < 0.5) {
      blocks.push({ kind: 'code', text: code(), location });
    } else {
      blocks.push({ kind: 'paragraph', text: paragraph(), location });
    }
  }
  return { blocks, sentence, paragraph, code, cjkSentence, random };
}

describe('chunkDocument matches the exact reference', () => {
  it('gives identical chunks on varied generated text, every one within the chunk size', () => {
    let compared = 0;
    let oversized = 0;
    for (let seed = 1; seed <= 12; seed += 1) {
      const { blocks } = variedText(seed);
      const document: ExtractedDocument = { type: 'text', ...(seed % 2 === 0 ? { title: 'Varied corpus ' + seed } : {}), blocks };
      for (const options of [{}, { chunkSize: 64, chunkOverlap: 16 }, { chunkSize: 128, chunkOverlap: 0 }, { chunkSize: 33, chunkOverlap: 16 }]) {
        const chunks = chunkDocument(document, options);
        expect(chunks).toEqual(exactReferenceChunkDocument(document, options));
        expect(JSON.stringify(chunks)).toBe(JSON.stringify(exactReferenceChunkDocument(document, options)));
        const chunkSize = options.chunkSize ?? defaultChunkOptions.chunkSize;
        for (const chunk of chunks) {
          expect(chunk.tokenCount).toBe(countTextTokens(chunk.text));
          if (chunk.tokenCount <= chunkSize) continue;
          // Inherited from the reference, which this chunker must match: a chunk of one unit is
          // never recounted, and a context line ending in symbols can merge with the unit's
          // first symbols across the blank line ("https://\n\n/*"), one token over the size.
          const contextEnd = chunk.text.indexOf('\n\n') + 2;
          expect(contextEnd).toBeGreaterThan(1);
          expect(countTextTokens(chunk.text.slice(0, contextEnd)) + countTextTokens(chunk.text.slice(contextEnd))).toBeLessThanOrEqual(chunkSize);
          expect(chunk.text.slice(0, contextEnd)).toMatch(/[^\s\p{L}\p{N}]\n\n$/u);
          oversized += 1;
        }
        compared += chunks.length;
      }
    }
    expect(compared).toBeGreaterThan(1_000);
    expect(oversized).toBeLessThan(compared / 100);
  });

  it('matches on the fixtures: report, contract and spreadsheet', async () => {
    const documents = [
      longReport(),
      await extractDocument({ bytes: annualReportPdf() }),
      await extractDocument({ bytes: contractDocx() }),
      await extractDocument({ bytes: await financialsXlsx(), name: 'financials.xlsx' }),
    ];
    for (const document of documents) {
      for (const options of [{}, { chunkSize: 48, chunkOverlap: 8 }, { rowGroupTokens: 1 }]) {
        expect(chunkDocument(document, options)).toEqual(exactReferenceChunkDocument(document, options));
      }
    }
  });

  it('adds up exact counts of joined units from counts taken once, on realistic text', () => {
    // The justification for never recounting a chunk: the sum of unit insides and join pieces
    // equals the tokenizer's count of the joined text, while the plain sum of unit and
    // separator counts does not (". The" is one token fewer than "." + " " + "The").
    const { sentence, paragraph, code, cjkSentence, random } = variedText(99);
    const makers = [sentence, paragraph, code, cjkSentence, () => `  - ${sentence()}`, () => 'Year: 2023; Revenue: 1,234', () => '}', () => '日本', () => ''];
    const separators = ['', ' ', '\n', '\n\n', '  '];
    let sumDiffered = 0;
    for (let trial = 0; trial < 1_500; trial += 1) {
      const pieces = Array.from({ length: 1 + Math.floor(random() * 8) }, () => (makers[Math.floor(random() * makers.length)] as () => string)());
      const tally = new TokenTally();
      let text = '';
      let naiveSum = 0;
      pieces.forEach((piece, index) => {
        const separator = index === 0 ? '' : (separators[Math.floor(random() * separators.length)] as string);
        tally.addJoin(separator);
        tally.add(piece, textParts(piece, countTextTokens(piece)));
        text += separator + piece;
        naiveSum += countTextTokens(separator) + countTextTokens(piece);
      });
      expect(tally.tokens(), JSON.stringify(text)).toBe(countTextTokens(text));
      if (naiveSum !== countTextTokens(text)) sumDiffered += 1;
    }
    expect(sumDiffered).toBeGreaterThan(100);
  });

  it('only treats positions no pre-token can span as fixed boundaries', () => {
    // Every fixed boundary of a text splits it into two texts whose counts add up exactly.
    const { sentence, paragraph, code, cjkSentence } = variedText(7);
    const texts = [
      ...Array.from({ length: 60 }, () => [sentence(), paragraph(), code(), cjkSentence()]).flat(),
      "don't stop.\n\nNext", 'a.\nb', 'x/\n/y', 'end.\r\nStart', 'naïve café', 'a\u0301 b', '😀 👍🏽.', 'The 1234567 items', 'It’s O’Brien’s',
    ];
    for (const text of texts) {
      for (let index = 1; index < text.length; index += 1) {
        if (!isFixedBoundary(text, index)) continue;
        expect(countTextTokens(text.slice(0, index)) + countTextTokens(text.slice(index)), `${JSON.stringify(text)} at ${index}`).toBe(countTextTokens(text));
      }
    }
  });
});
