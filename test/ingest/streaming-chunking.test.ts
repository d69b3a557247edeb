import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkBatches, chunkStreamOf } from '../../src/ingest/chunk-batches.js';
import { chunkDocument, DocumentChunker, type Chunk } from '../../src/ingest/chunker.js';
import { countTokens } from '../../src/ingest/chunking/token-counter.js';
import { openDocumentStream } from '../../src/ingest/document-stream.js';
import { extractDocument } from '../../src/ingest/extract-document.js';
import type { Block, ExtractedDocument } from '../../src/ingest/extracted-document.js';
import { extractMarkdown } from '../../src/ingest/extractors/markdown-extractor.js';
import { extractText } from '../../src/ingest/extractors/text-extractor.js';
import { Deadline } from '../../src/ingest/deadline.js';
import { readJson } from '../../src/ingest/extractors/json-stream.js';
import { readCsv } from '../../src/ingest/spreadsheets/csv-extractor.js';
import { textFileBlocks } from '../../src/ingest/streaming/text-blocks.js';
import { linesOf, textLines } from '../../src/ingest/streaming/text-lines.js';
import { decodeTextPieces } from '../../src/ingest/streaming/text-pieces.js';
import { decodeText } from '../../src/ingest/text-decoding.js';
import { countTextTokens } from '../../src/llm/token-count.js';
import { annualReportPdf, contractDocx, financialsXlsx, handbookMarkdown } from './fixtures/sample-documents.js';
import { seededRandom } from '../helpers/seeded-random.js';

/** Markdown with every construct the reader knows, line endings of all three kinds, and odd text. */
function variedMarkdown(seed: number, lines = 400): string {
  const random = seededRandom(seed);
  const pieces = [
    '# Title', '## Section **two**', 'Setext heading', '===', '---', '- item', '  - nested item', '1. first', '2) second',
    '```ts', '```', '~~~', '| Year | Revenue |', '|---|---|', '| 2023 | 4.2 bn |', '> quoted e.g. this.', '',
    '', '   ', 'Revenue grew by 12 percent. The board met in May.', 'Café naïve Straße — “quotes” ½.', 'x'.repeat(300),
    '日本語の文章です。東京は大きい。', 'Line with trailing spaces   ', '\t\tindented', 'End of file.',
  ];
  const endings = ['\n', '\n', '\r\n', '\r'];
  let text = '';
  for (let index = 0; index < lines; index++) text += pieces[Math.floor(random() * pieces.length)]! + endings[Math.floor(random() * endings.length)]!;
  return text;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}

async function* piecesOf(text: string, sizes: () => number): AsyncGenerator<string> {
  for (let start = 0; start < text.length; ) {
    const end = start + sizes();
    yield text.slice(start, end);
    start = end;
  }
}

describe('counting tokens', () => {
  it('counts exactly as the tokenizer does, whatever the text', () => {
    const random = seededRandom(5);
    const alphabet = ["Hello", ' world', "don't", "O’Brien's", '  ', '\n', '\r\n', '1234567', 'naïve', 'a\u0301', '日本語', '😀', '👍🏽', '<|endoftext|>', '...', '/*', '\t', 'HTTP/2', 'x'.repeat(70)];
    for (let trial = 0; trial < 3_000; trial++) {
      let text = '';
      for (let index = Math.floor(random() * 12); index > 0; index--) text += alphabet[Math.floor(random() * alphabet.length)];
      expect(countTokens(text), JSON.stringify(text)).toBe(countTextTokens(text));
    }
  });
});

describe('reading text files as a stream', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'docent-streaming-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('decodes every encoding as decodeText does, characters split across pieces or not', async () => {
    const text = 'Grüße, café — 日本語 😀 naïve.\r\nZweite Zeile ½';
    const encodings: Buffer[] = [
      Buffer.from(text, 'utf8'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x20, 0x93, 0x71, 0x94]), // Windows-1252: not UTF-8
      Buffer.from([0x61, 0xe2, 0x82]), // UTF-8 cut inside a character
    ];
    for (const [index, bytes] of encodings.entries()) {
      const path = join(directory, `encoded-${index}.txt`);
      await writeFile(path, bytes);
      for (const pieceBytes of [1, 2, 3, 5, 1024]) {
        expect((await collect(decodeTextPieces(bytes, pieceBytes))).join('')).toBe(decodeText(bytes));
        expect((await collect(decodeTextPieces({ path }, pieceBytes))).join('')).toBe(decodeText(bytes));
      }
    }
  });

  it('splits lines as the whole text splits, line breaks cut anywhere', async () => {
    const random = seededRandom(11);
    for (let trial = 0; trial < 300; trial++) {
      const text = Array.from({ length: Math.floor(random() * 20) }, () => ['a', 'bc', '\r', '\n', '\r\n', ''][Math.floor(random() * 6)]).join('');
      const lines = (await collect(textLines(piecesOf(text, () => 1 + Math.floor(random() * 4))))).flat();
      expect(lines, JSON.stringify(text)).toEqual(linesOf(text));
    }
  });

  it('gives the blocks of the whole-text readers, from a file read in small pieces', async () => {
    for (let seed = 1; seed <= 8; seed++) {
      const markdown = variedMarkdown(seed);
      const bytes = Buffer.from(markdown);
      for (const pieceBytes of [7, 64, 4096]) {
        expect((await collect(textFileBlocks(bytes, 'markdown', pieceBytes))).flat()).toEqual(extractMarkdown(markdown).blocks);
        expect((await collect(textFileBlocks(bytes, 'text', pieceBytes))).flat()).toEqual(extractText(markdown).blocks);
      }
    }
  });

  it('reads CSV and JSON in pieces as it reads them whole, and falls back to a whole read for JSON it cannot cut', async () => {
    const random = seededRandom(21);
    const rows = Array.from({ length: 3_000 }, (_unused, index) => `${2000 + (index % 40)};"Shop ${index}, ""north""";${(index * 7.25).toFixed(2)};${index % 3 ? 'true' : ''}`);
    const csv = `Sales export\r\nYear;Shop;Revenue;Audited\r\n${rows.join('\r\n')}\r\n`;
    const json = JSON.stringify(Array.from({ length: 500 }, (_unused, index) => ({ id: index, name: `Customer "${index}", [vip]`, tags: ['a', { b: index }] })));
    const odd = ['{"b": 1, "2": "index keys come first", "a": 3}', '{"a": 1, "a": 2}', '[1, 2,]', '"a string"'];
    const inPieces = (text: string, largest: number) => () => piecesOf(text, () => 1 + Math.floor(random() * largest));
    const whole = (text: string) => () => piecesOf(text, () => text.length);
    const csvBlocks = async (pieces: () => AsyncIterable<string>) => {
      const document = await readCsv(pieces, { maximumRows: 10_000, deadline: new Deadline(60_000) });
      return { sheets: document.sheets, blocks: (await collect(document.blocks)).flat() };
    };
    const jsonBlocks = async (pieces: () => AsyncIterable<string>) => (await collect(await readJson(pieces))).flat();
    expect(await csvBlocks(inPieces(csv, 5_000))).toEqual(await csvBlocks(whole(csv)));
    expect(await jsonBlocks(inPieces(json, 300))).toEqual(await jsonBlocks(whole(json)));
    for (const text of odd) {
      const expected = await jsonBlocks(whole(text)).catch((error: Error) => error.message);
      expect(await jsonBlocks(inPieces(text, 3)).catch((error: Error) => error.message)).toEqual(expected);
    }
    const headings = (await jsonBlocks(whole(odd[0]!))).flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
    expect(headings).toEqual(['2', 'b', 'a']);
    await expect(jsonBlocks(whole(odd[2]!))).rejects.toThrow(/The JSON is malformed/);
  });

  it('knows a Markdown title before the first block, even when the first heading comes late', async () => {
    const markdown = `${'Opening prose before any heading. '.repeat(40)}\n\n${handbookMarkdown}`;
    const path = join(directory, 'late-title.md');
    await writeFile(path, markdown);
    const stream = await openDocumentStream({ path, name: 'late-title.md' });
    expect(stream.title).toBe('Employee Handbook');
    expect((await collect(stream.blocks)).flat()).toEqual(extractMarkdown(markdown).blocks);
  });
});

describe('chunking a stream of blocks', () => {
  let documents: ExtractedDocument[];
  beforeAll(async () => {
    documents = [
      extractMarkdown(variedMarkdown(3, 2_000)),
      { ...extractText(variedMarkdown(4, 2_000)), title: 'notes.txt', url: 'https://example.com/notes' },
      await extractDocument({ bytes: annualReportPdf() }),
      await extractDocument({ bytes: contractDocx() }),
      await extractDocument({ bytes: await financialsXlsx(), name: 'financials.xlsx' }),
    ];
  });

  it('gives exactly the chunks of chunkDocument when fed one block at a time', () => {
    for (const document of documents) {
      for (const options of [{}, { chunkSize: 64, chunkOverlap: 16 }, { chunkSize: 40, chunkOverlap: 0, rowGroupTokens: 1 }]) {
        const chunker = new DocumentChunker(document, options);
        const streamed: Chunk[] = [];
        for (const block of document.blocks) streamed.push(...chunker.push(block));
        streamed.push(...chunker.finish());
        expect(streamed).toEqual(chunkDocument(document, options));
      }
    }
  });

  it('hands chunks on in bounded batches, in order, whatever the block batches', async () => {
    const random = seededRandom(9);
    for (const document of documents) {
      const options = { chunkSize: 96, chunkOverlap: 8 };
      const blockBatches = async function* (): AsyncGenerator<Block[]> {
        for (let start = 0; start < document.blocks.length; ) {
          const end = start + 1 + Math.floor(random() * 5);
          yield document.blocks.slice(start, end);
          start = end;
        }
      };
      const stream = { ...document, blocks: blockBatches(), sheets: () => document.sheets };
      const batches = await collect(chunkBatches(stream, options, { chunks: 7, characters: 2_000 }));
      expect(batches.flat()).toEqual(chunkDocument(document, options));
      for (const batch of batches) {
        const characters = batch.reduce((sum, chunk) => sum + chunk.text.length, 0);
        expect(batch.length <= 7 && characters - (batch.at(-1)?.text.length ?? 0) < 2_000).toBe(true);
      }
      const inMemory = chunkStreamOf(document, options);
      expect((await collect(inMemory)).flatMap((batch) => batch.chunks)).toEqual(chunkDocument(document, options));
      const { blocks: _blocks, ...summary } = document;
      expect(inMemory.document).toEqual(summary);
    }
  });
});
