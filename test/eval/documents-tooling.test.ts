import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadQuestions } from '../../eval/dataset/questions.js';
import { writePdf } from '../../eval/pdf/pdf-writer.js';
import { contentTypeOf, multipartFileBody } from '../../eval/runner/multipart-body.js';

describe('writePdf', () => {
  it('writes pages that unpdf reads back, wrapping long text and escaping PDF syntax', async () => {
    const long = 'The quick brown fox (a fictional one) jumps over the lazy dog. '.repeat(6).trim();
    const pdf = writePdf([[{ kind: 'title', text: 'Report £1' }, { kind: 'paragraph', text: long }], [{ kind: 'heading', text: 'Back\\slash' }]], 'Test');
    const { totalPages, text } = await extractText(new Uint8Array(pdf), { mergePages: false });
    expect(totalPages).toBe(2);
    expect(text[0]?.replace(/\s+/g, ' ')).toContain(`Report £1 ${long}`);
    expect(text[1]).toContain('Back\\slash');
  });

  it('refuses text the standard font cannot encode, and pages that overflow', () => {
    expect(() => writePdf([[{ kind: 'paragraph', text: 'em dash — here' }]], 'Test')).toThrow(/Latin-1/);
    expect(() => writePdf([Array.from({ length: 80 }, () => ({ kind: 'paragraph' as const, text: 'A line.' }))], 'Test')).toThrow(/overflows/);
  });
});

describe('multipartFileBody', () => {
  it('frames the file in one part under the boundary its content type names', () => {
    const { payload, headers } = multipartFileBody('file', 'a.txt', 'text/plain', Buffer.from('hello'));
    const boundary = headers['content-type']?.split('boundary=')[1];
    expect(payload.toString()).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`,
    );
  });

  it('names MIME types by extension', () => {
    expect(contentTypeOf('report.PDF')).toBe('application/pdf');
    expect(contentTypeOf('notes.md')).toBe('text/markdown');
    expect(contentTypeOf('archive')).toBe('application/octet-stream');
  });
});

describe('loadQuestions', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'docent-eval-questions-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const load = async (content: unknown) => {
    const path = join(directory, 'questions.json');
    await writeFile(path, JSON.stringify(content));
    return loadQuestions(path);
  };

  it('reads well-formed entries', async () => {
    const entry = { id: 'q1', question: 'Why?', expectedSources: [{ document: 'a.pdf', page: 2 }], keyFacts: ['x'], answerable: true };
    expect(await load([entry])).toEqual([entry]);
  });

  it('names the entry and the problem when one is malformed', async () => {
    await expect(load({})).rejects.toThrow('must hold an array');
    await expect(load([{ id: 'q1', question: 'Why?', expectedSources: [], keyFacts: [] }])).rejects.toThrow('entry 0: answerable');
    const badPage = { id: 'q1', question: 'Why?', expectedSources: [{ document: 'a.pdf', page: 0 }], keyFacts: [], answerable: true };
    await expect(load([badPage])).rejects.toThrow('entry 0: malformed expected source');
    const unknownField = { ...badPage, expectedSources: [{ document: 'a.pdf', section: 'x' }] };
    await expect(load([unknownField])).rejects.toThrow('malformed expected source');
  });
});
