import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument, type Chunk } from '../../src/ingest/chunker.js';
import { extractDocument } from '../../src/ingest/extract-document.js';
import { IngestError } from '../../src/ingest/ingest-error.js';
import { chunkDocumentIsolated, type ChunkedDocument } from '../../src/ingest/isolated-extraction.js';
import { OfflineEmbeddingModel } from '../../src/search/offline-embedding-model.js';
import {
  annualReportPdf,
  contractDocx,
  customersJson,
  financialsXlsx,
  handbookMarkdown,
  newsArticleHtml,
  salesCsv,
} from './fixtures/sample-documents.js';

async function collect(chunked: ChunkedDocument): Promise<Chunk[][]> {
  const batches: Chunk[][] = [];
  for await (const batch of chunked) batches.push(batch.chunks);
  return batches;
}

/** A long Markdown handbook: many chunks, so many batches. */
function longHandbook(sections: number): string {
  return Array.from({ length: sections }, (_unused, index) => `## Policy ${index}\n\n${`Rule ${index} applies to every office and every employee. `.repeat(30)}\n`).join('\n');
}

describe('chunkDocumentIsolated', () => {
  let directory: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'docent-isolated-chunking-'));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));

  it('gives the chunks of chunkDocument(extractDocument(...)) for every format, and then the document', async () => {
    const samples = [annualReportPdf(), contractDocx(), await financialsXlsx(), Buffer.from(salesCsv), Buffer.from(newsArticleHtml), Buffer.from(handbookMarkdown), Buffer.from(customersJson)];
    const chunking = { chunkSize: 64, chunkOverlap: 8 };
    for (const bytes of samples) {
      const source = { bytes, name: 'upload', url: 'https://example.com/upload' };
      const chunked = chunkDocumentIsolated(source, { chunking, batch: { chunks: 3, characters: 10_000 } });
      const batches = await collect(chunked);
      const document = await extractDocument(source);
      expect(batches.flat()).toEqual(chunkDocument(document, chunking));
      expect(batches.every((batch) => batch.length <= 3)).toBe(true);
      const { blocks: _blocks, ...summary } = document;
      expect(chunked.document).toEqual(summary);
    }
  });

  it('streams a large Markdown file from disk in batches', async () => {
    const path = join(directory, 'handbook.md');
    const markdown = longHandbook(400);
    await writeFile(path, markdown);
    const batches = await collect(chunkDocumentIsolated({ path, name: 'handbook.md' }, { batch: { chunks: 50, characters: 1_000_000 } }));
    expect(batches.length).toBeGreaterThan(5);
    expect(batches.flat()).toEqual(chunkDocument(await extractDocument({ path, name: 'handbook.md' })));
  });

  it('embeds on the worker with the built-in model while it is ahead, as the model does on the calling thread', async () => {
    const model = new OfflineEmbeddingModel();
    let embedded = 0;
    let chunkCount = 0;
    for await (const { chunks, vectors } of chunkDocumentIsolated({ bytes: Buffer.from(longHandbook(40)) }, { embedOffline: true, batch: { chunks: 8, characters: 1_000_000 } })) {
      chunkCount += chunks.length;
      // A slow caller: the worker gets ahead and embeds the batches it has to hold anyway.
      await sleep(50);
      if (!vectors) continue;
      expect(vectors).toHaveLength(chunks.length);
      chunks.forEach((chunk, index) => expect(Array.from(vectors[index]!)).toEqual(Array.from(model.embedText(chunk.text))));
      embedded += chunks.length;
    }
    expect(embedded).toBeGreaterThan(chunkCount / 2);
    for await (const batch of chunkDocumentIsolated({ bytes: Buffer.from(handbookMarkdown) })) expect(batch.vectors).toBeUndefined();
  });

  it('fails while iterating with the IngestError of the worker, and keeps serving', async () => {
    const corrupt = Buffer.concat([annualReportPdf().subarray(0, 200), Buffer.from('this is not a PDF body '.repeat(20))]);
    const error = await collect(chunkDocumentIsolated({ bytes: corrupt })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ reason: 'corrupt', message: expect.stringMatching(/The PDF is corrupt/) });
    expect((await collect(chunkDocumentIsolated({ bytes: Buffer.from(handbookMarkdown) }))).flat().length).toBeGreaterThan(0);
  });

  it("counts only the time spent waiting for the thread against the time limit, not the caller's", async () => {
    const chunked = chunkDocumentIsolated({ bytes: Buffer.from(longHandbook(60)) }, { timeoutMs: 3_000, batch: { chunks: 10, characters: 1_000_000 } });
    let batches = 0;
    const started = performance.now();
    for await (const _batch of chunked) {
      batches++;
      await sleep(700);
    }
    expect(batches).toBeGreaterThan(5);
    expect(performance.now() - started).toBeGreaterThan(3_000);
  }, 30_000);

  it('stops the thread when the caller stops early or the signal aborts', async () => {
    for await (const _batch of chunkDocumentIsolated({ bytes: Buffer.from(longHandbook(100)) }, { batch: { chunks: 5, characters: 1_000_000 } })) break;
    const controller = new AbortController();
    const chunked = chunkDocumentIsolated({ bytes: Buffer.from(longHandbook(100)) }, { signal: controller.signal, batch: { chunks: 5, characters: 1_000_000 } });
    const error = await (async () => {
      for await (const _batch of chunked) controller.abort(new Error('job cancelled'));
    })().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ message: 'job cancelled' });
    expect(() => chunked.document).toThrow();
    expect((await collect(chunkDocumentIsolated({ bytes: Buffer.from(handbookMarkdown) }))).flat().length).toBeGreaterThan(0);
  });
});
