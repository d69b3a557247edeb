import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/ingest/extract-document.js';
import { IngestError, UnsupportedFileError } from '../../src/ingest/ingest-error.js';
import { extractDocumentIsolated } from '../../src/ingest/isolated-extraction.js';
import { ResourceLimitedWorker } from '../../src/ingest/resource-limited-worker.js';
import { pngHeader } from './fixtures/hostile-files.js';
import type { RunawayBehaviour } from './fixtures/runaway-worker.js';
import {
  annualReportPdf,
  contractDocx,
  customersJson,
  financialsXlsx,
  handbookMarkdown,
  newsArticleHtml,
  salesCsv,
} from './fixtures/sample-documents.js';

/** Valid JSON that parses synchronously in one call, with no cooperative deadline check inside. */
function customerRecordsJson(records: number): Buffer {
  const rows = Array.from({ length: records }, (_unused, index) => ({ id: index, name: `Customer ${index}`, city: 'Berlin', tags: ['retail'] }));
  return Buffer.from(JSON.stringify(rows));
}

async function rejection(work: Promise<unknown>): Promise<Error> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/** Counts timer ticks on the calling thread while `work` runs, to show the thread stayed free. */
async function ticksDuring(work: Promise<unknown>): Promise<number> {
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 20);
  await work.catch(() => undefined);
  clearInterval(timer);
  return ticks;
}

describe('extractDocumentIsolated', () => {
  let samples: Record<string, Buffer>;

  beforeAll(async () => {
    samples = {
      pdf: annualReportPdf(),
      docx: contractDocx(),
      xlsx: await financialsXlsx(),
      csv: Buffer.from(salesCsv),
      html: Buffer.from(newsArticleHtml),
      markdown: Buffer.from(handbookMarkdown),
      json: Buffer.from(customersJson),
    };
  });

  it('extracts every format exactly as extractDocument does', async () => {
    for (const bytes of Object.values(samples)) {
      const source = { bytes, name: 'upload', url: 'https://example.com/upload' };
      expect(await extractDocumentIsolated(source)).toEqual(await extractDocument(source));
    }
  });

  it('reads a file from a path, and leaves a caller’s buffer intact', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'docent-isolated-'));
    try {
      const path = join(directory, 'annual-report.pdf');
      await writeFile(path, samples.pdf!);
      expect(await extractDocumentIsolated({ path })).toEqual(await extractDocument({ path }));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
    const bytes = contractDocx();
    const copy = Buffer.from(bytes);
    await extractDocumentIsolated({ bytes });
    expect(bytes.equals(copy)).toBe(true);
  });

  it('keeps the reason, message and class of an IngestError raised in the worker', async () => {
    const corrupt = Buffer.concat([samples.pdf!.subarray(0, 200), Buffer.from('this is not a PDF body '.repeat(20))]);
    const direct = (await rejection(extractDocument({ bytes: corrupt }))) as IngestError;
    const isolated = await rejection(extractDocumentIsolated({ bytes: corrupt }));
    expect(isolated).toBeInstanceOf(IngestError);
    expect(isolated).toMatchObject({ reason: 'corrupt', message: direct.message, code: 'VALIDATION_ERROR', statusCode: 400 });
    expect(isolated.message).toMatch(/The PDF is corrupt/);
    expect(await rejection(extractDocumentIsolated({ bytes: pngHeader }))).toBeInstanceOf(UnsupportedFileError);
  });

  it('runs several extractions at once', async () => {
    const documents = Object.values(samples);
    const isolated = await Promise.all(documents.map((bytes) => extractDocumentIsolated({ bytes })));
    expect(isolated).toEqual(await Promise.all(documents.map((bytes) => extractDocument({ bytes }))));
  });

  it('stops a parse that needs more memory than allowed, and keeps serving', async () => {
    const error = await rejection(extractDocumentIsolated({ bytes: customerRecordsJson(100_000) }, { memoryLimitMb: 64 }));
    expect(error).toMatchObject({ reason: 'too-complex', message: 'Reading the document needs more than the 64 MB of memory allowed' });
    expect(await extractDocumentIsolated({ bytes: samples.pdf! })).toMatchObject({ type: 'pdf', pageCount: 3 });
  });

  it('stops a synchronous parse at the time limit, with the calling thread free meanwhile', async () => {
    const started = performance.now();
    const work = extractDocumentIsolated({ bytes: customerRecordsJson(300_000) }, { timeoutMs: 400 });
    expect(await ticksDuring(work)).toBeGreaterThan(5);
    const error = await rejection(work);
    expect(error).toMatchObject({ reason: 'timeout', message: 'Reading the document took longer than 400 ms' });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('stops the parse when the signal aborts', async () => {
    const controller = new AbortController();
    const work = extractDocumentIsolated({ bytes: customerRecordsJson(300_000) }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('job cancelled')), 50);
    expect((await rejection(work)).message).toBe('job cancelled');
  });

  it('refuses a memory limit too small to load the parsers', async () => {
    await expect(extractDocumentIsolated({ bytes: samples.pdf! }, { memoryLimitMb: 16 })).rejects.toThrow(RangeError);
  });
});

describe('ResourceLimitedWorker', () => {
  const script = new URL('./fixtures/runaway-worker.ts', import.meta.url);
  const started: ResourceLimitedWorker[] = [];
  const startWorker = (memoryLimitMb = 64): ResourceLimitedWorker => {
    const worker = new ResourceLimitedWorker(script, memoryLimitMb);
    started.push(worker);
    return worker;
  };
  afterAll(async () => {
    await Promise.all(started.map((worker) => worker.stop()));
  });

  it('answers task after task on the same thread', async () => {
    const worker = startWorker();
    expect(await worker.run<RunawayBehaviour>({ message: 'echo' }, { timeoutMs: 10_000 })).toBe('echo');
    expect(await worker.run<RunawayBehaviour>({ message: 'echo' }, { timeoutMs: 10_000 })).toBe('echo');
    expect(worker).toMatchObject({ alive: true, completedTasks: 2 });
  });

  it('terminates a thread stuck in an endless loop at the time limit', async () => {
    const worker = startWorker();
    await worker.run({ message: 'echo' }, { timeoutMs: 10_000 });
    const began = performance.now();
    const work = worker.run({ message: 'busy-loop' }, { timeoutMs: 300 });
    expect(await ticksDuring(work)).toBeGreaterThan(5);
    expect(await rejection(work)).toMatchObject({ reason: 'timeout', message: 'Reading the document took longer than 300 ms' });
    expect(performance.now() - began).toBeLessThan(1_500);
    expect(worker.alive).toBe(false);
  });

  it('stops a thread that allocates without bound, reporting the memory limit', async () => {
    const worker = startWorker();
    const error = await rejection(worker.run({ message: 'allocate-without-bound' }, { timeoutMs: 20_000 }));
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ reason: 'too-complex', message: 'Reading the document needs more than the 64 MB of memory allowed' });
    expect(worker.alive).toBe(false);
    await expect(worker.run({ message: 'echo' }, { timeoutMs: 1_000 })).rejects.toThrow();
  });
});
