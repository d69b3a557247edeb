import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentInput } from './extract-document.js';
import type { ExtractedDocument } from './extracted-document.js';
import { resolveExtractionOptions, type ExtractionOptions } from './extraction-options.js';
import { outcomeError, type ExtractionOutcome, type ExtractionRequest } from './extraction-protocol.js';
import type { WorkerTask } from './resource-limited-worker.js';
import { WorkerPool } from './worker-pool.js';

/** Limits on the thread that parses, on top of the limits `extractDocument` applies to the file. */
export interface IsolationOptions {
  /** JavaScript heap for the parsing thread, in MiB. Default {@link defaultMemoryLimitMb}. */
  memoryLimitMb?: number;
  /** Stops the parse and its thread, e.g. when the job is cancelled or the server shuts down. */
  signal?: AbortSignal;
}

export type IsolatedExtractionOptions = Partial<ExtractionOptions> & IsolationOptions;

/** Room for pdf.js, exceljs or mammoth on a maximum-size file; the server's own heap stays separate. */
export const defaultMemoryLimitMb = 512;

/**
 * Loading the parsers alone takes about 40 MiB; below this floor every file would fail as too
 * large, so a smaller setting is a configuration mistake, not a limit.
 */
export const minimumMemoryLimitMb = 64;

/** The worker is a sibling module with this module's extension: `.ts` under vitest and tsx, `.js` in `dist/`. */
const workers = new WorkerPool(new URL(`./extraction-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url));

/**
 * `extractDocument` in its own worker thread, for files from untrusted uploaders. mammoth,
 * exceljs and pdf.js parse synchronously and cannot be interrupted, so on the calling thread a
 * hostile file could hang the server or exhaust its heap; here the thread is stopped when it
 * passes `timeoutMs` (a hard stop, not only the cooperative `Deadline`) or `memoryLimitMb`.
 *
 * Bytes are copied once into a buffer that is transferred to the worker, so the caller's buffer
 * stays usable; pass a path for large files and the worker reads them itself. Threads are reused
 * through a small {@link WorkerPool}, since starting one costs far more than a typical parse.
 *
 * @throws IngestError with the same reason and message as `extractDocument`, plus `timeout` for a
 *   hard stop and `too-large` when parsing needs more memory than allowed.
 * @throws RangeError when `memoryLimitMb` is below {@link minimumMemoryLimitMb}.
 */
export async function extractDocumentIsolated(
  input: DocumentInput,
  options: IsolatedExtractionOptions = {},
): Promise<ExtractedDocument> {
  const { memoryLimitMb = defaultMemoryLimitMb, signal, ...extractionOptions } = options;
  if (!(memoryLimitMb >= minimumMemoryLimitMb)) {
    throw new RangeError(`memoryLimitMb must be at least ${minimumMemoryLimitMb}, got ${memoryLimitMb}`);
  }
  const limits = resolveExtractionOptions(extractionOptions);
  const outcome = await workers.run<ExtractionOutcome>(memoryLimitMb, extractionTask(input, limits), {
    timeoutMs: limits.timeoutMs,
    ...(signal ? { signal } : {}),
  });
  if (outcome.kind === 'extracted') return outcome.document;
  throw outcomeError(outcome);
}

function extractionTask(input: DocumentInput, options: ExtractionOptions): WorkerTask {
  const source = {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.url === undefined ? {} : { url: input.url }),
  };
  if ('path' in input) {
    const request: ExtractionRequest = { content: { path: input.path }, ...source, options };
    return { message: request };
  }
  const bytes = new Uint8Array(input.bytes).buffer;
  const request: ExtractionRequest = { content: { bytes }, ...source, options };
  return { message: request, transferList: [bytes] };
}
