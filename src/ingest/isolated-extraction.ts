import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultChunkBatchLimits, type ChunkBatch, type ChunkBatchLimits, type ChunkStream } from './chunk-batches.js';
import type { ChunkOptions } from './chunker.js';
import type { DocumentInput, DocumentSummary } from './document-stream.js';
import type { ExtractedDocument } from './extracted-document.js';
import { resolveExtractionOptions, type ExtractionOptions } from './extraction-options.js';
import { moreChunks, outcomeError, type ChunkingMessage, type ExtractionOutcome, type ExtractionRequest } from './extraction-protocol.js';
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

/** How {@link chunkDocumentIsolated} chunks, on top of the isolation and extraction limits. */
export interface IsolatedChunkingOptions extends IsolatedExtractionOptions {
  chunking?: Partial<ChunkOptions>;
  batch?: ChunkBatchLimits;
  /**
   * Let the worker embed batches with the built-in model too (a knowledge base without an
   * embedding provider) whenever it is ahead of the caller, and hand the vectors over with them:
   * the CPU work is shared between the two threads. Batches without `vectors` are the caller's
   * to embed.
   */
  embedOffline?: boolean;
}

/**
 * The chunks of an untrusted upload, read, extracted and chunked in the same resource-limited
 * worker thread as {@link extractDocumentIsolated}, and streamed back in batches: plain text and
 * Markdown of any size pass through in bounded memory on both threads, and the thread prepares
 * the next batch while the caller embeds and stores this one. The chunks are exactly those of
 * `chunkDocument(extractDocument(input))`.
 *
 * Iterate the returned object once, to its end; {@link ChunkedDocument.document} then says what
 * the file was. `timeoutMs` counts only time spent waiting for the thread.
 *
 * @throws IngestError while iterating, as `extractDocumentIsolated` would.
 */
export function chunkDocumentIsolated(input: DocumentInput, options: IsolatedChunkingOptions = {}): ChunkedDocument {
  return new ChunkedDocument(input, options);
}

/** The chunk batches of one document, and what the document was once they are all read. */
export class ChunkedDocument implements ChunkStream {
  #document: DocumentSummary | undefined;

  constructor(
    private readonly input: DocumentInput,
    private readonly options: IsolatedChunkingOptions,
  ) {}

  /** The document's type, title, pages and sheets. @throws Error before the last batch was read. */
  get document(): DocumentSummary {
    if (!this.#document) throw new Error('The document is known once all its chunks have been read');
    return this.#document;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ChunkBatch> {
    const { memoryLimitMb = defaultMemoryLimitMb, signal, chunking = {}, batch = defaultChunkBatchLimits, embedOffline = false, ...extractionOptions } = this.options;
    if (!(memoryLimitMb >= minimumMemoryLimitMb)) {
      throw new RangeError(`memoryLimitMb must be at least ${minimumMemoryLimitMb}, got ${memoryLimitMb}`);
    }
    const limits = resolveExtractionOptions(extractionOptions);
    const task = extractionTask(this.input, limits, { options: chunking, batch, embedOffline });
    const messages = workers.stream<ChunkingMessage>(
      memoryLimitMb,
      task,
      { timeoutMs: limits.timeoutMs, ...(signal ? { signal } : {}) },
      { isLast: (message) => message.kind !== 'chunks', acknowledgement: moreChunks },
    );
    let failure: Exclude<ChunkingMessage, { kind: 'chunks' | 'chunked' }> | undefined;
    for await (const message of messages) {
      if (message.kind === 'chunks') yield { chunks: message.chunks, ...(message.vectors ? { vectors: vectorsOf(message.vectors, message.chunks.length) } : {}) };
      else if (message.kind === 'chunked') this.#document = message.document;
      else failure = message;
    }
    // Thrown once the task has ended, so the thread goes back to the pool.
    if (failure) throw outcomeError(failure);
  }
}

/** Views of one vector per chunk on the transferred array. */
function vectorsOf(vectors: Float32Array, count: number): Float32Array[] {
  const dimensions = vectors.length / count;
  return Array.from({ length: count }, (_unused, index) => vectors.subarray(index * dimensions, (index + 1) * dimensions));
}

function extractionTask(input: DocumentInput, options: ExtractionOptions, chunking?: ExtractionRequest['chunking']): WorkerTask {
  const source = {
    ...(input.name === undefined ? {} : { name: input.name }),
    ...(input.url === undefined ? {} : { url: input.url }),
  };
  const chunkingRequest = chunking ? { chunking } : {};
  if ('path' in input) {
    const request: ExtractionRequest = { content: { path: input.path }, ...source, options, ...chunkingRequest };
    return { message: request };
  }
  const bytes = new Uint8Array(input.bytes).buffer;
  const request: ExtractionRequest = { content: { bytes }, ...source, options, ...chunkingRequest };
  return { message: request, transferList: [bytes] };
}
