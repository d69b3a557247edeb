import type { ChunkBatchLimits } from './chunk-batches.js';
import type { Chunk, ChunkOptions } from './chunker.js';
import type { DocumentSummary } from './document-stream.js';
import type { ExtractedDocument } from './extracted-document.js';
import type { ExtractionOptions } from './extraction-options.js';
import { IngestError, UnsupportedFileError, type IngestFailureReason } from './ingest-error.js';

/**
 * The message that starts a task in the extraction worker. Bytes travel as an `ArrayBuffer` the
 * worker owns outright (it is transferred, not copied); a path lets the worker read the file itself.
 * With `chunking`, the worker chunks the document as it reads it and streams the chunks back
 * ({@link ChunkingMessage}) instead of answering with the whole document.
 */
export interface ExtractionRequest {
  content: { bytes: ArrayBuffer } | { path: string };
  name?: string;
  url?: string;
  options: ExtractionOptions;
  chunking?: {
    options: Partial<ChunkOptions>;
    batch: ChunkBatchLimits;
    /**
     * Let the worker embed batches with the built-in model too, whenever it is ahead of the
     * caller; a batch it sends without vectors the caller embeds.
     */
    embedOffline: boolean;
  };
}

/**
 * What the worker posts for a chunking request: batches of chunks, each only once the caller has
 * room for it ({@link moreChunks}), then the document's summary or a failure, which end the task.
 */
export type ChunkingMessage =
  /** `vectors`: with `embedOffline`, maybe the chunks' vectors one after another (transferred, not copied). */
  | { kind: 'chunks'; chunks: Chunk[]; vectors?: Float32Array }
  | { kind: 'chunked'; document: DocumentSummary }
  | Exclude<ExtractionOutcome, { kind: 'extracted' }>;

/** Caller to worker, during a chunking task: it took a batch, so the worker may post another. */
export const moreChunks = { kind: 'more-chunks' } as const;

/** Batches the worker may post before the caller takes one: the caller never waits for a batch the worker could have made meanwhile. */
export const chunkBatchesAhead = 2;

/** An error reduced to what survives the thread boundary: structured clone drops `code` and subclasses. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
}

/** The one message the extraction worker posts back for an extraction request. */
export type ExtractionOutcome =
  | { kind: 'extracted'; document: ExtractedDocument }
  | { kind: 'rejected'; reason: IngestFailureReason; message: string; cause?: SerializedError }
  | { kind: 'failed'; error: SerializedError };

/** Worker side: turns whatever `extractDocument` threw into an outcome that can be posted. */
export function failureOutcome(error: unknown): Exclude<ExtractionOutcome, { kind: 'extracted' }> {
  if (error instanceof IngestError) {
    return {
      kind: 'rejected',
      reason: error.reason,
      message: error.message,
      ...(error.cause === undefined ? {} : { cause: serializeError(error.cause) }),
    };
  }
  return { kind: 'failed', error: serializeError(error) };
}

/**
 * Calling side: the error the caller would have seen from `extractDocument` on its own thread —
 * an `IngestError` with the same reason and message (an `UnsupportedFileError` when the type was
 * refused), or a plain `Error` keeping the original name, message and code.
 */
export function outcomeError(outcome: Exclude<ExtractionOutcome, { kind: 'extracted' }>): Error {
  if (outcome.kind === 'failed') return deserializeError(outcome.error);
  const error =
    outcome.reason === 'unsupported-type'
      ? new UnsupportedFileError(outcome.message)
      : new IngestError(outcome.reason, outcome.message);
  if (outcome.cause) error.cause = deserializeError(outcome.cause);
  return error;
}

function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const code = (error as NodeJS.ErrnoException).code;
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
}

function deserializeError(serialized: SerializedError): Error {
  const error: NodeJS.ErrnoException = new Error(serialized.message);
  error.name = serialized.name;
  if (serialized.code !== undefined) error.code = serialized.code;
  return error;
}
