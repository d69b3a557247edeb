/**
 * Worker-thread entry for `extractDocumentIsolated` and `chunkDocumentIsolated`: answers each
 * `ExtractionRequest` with one `ExtractionOutcome`, or for a chunking request with a stream of
 * `ChunkingMessage`s (embedding the chunks too when asked, so that work leaves the server's
 * thread as well), one task at a time. The parent owns every limit (heap size, wall clock) and
 * stops the thread when one is passed, so nothing here needs to police itself.
 */
import { parentPort } from 'node:worker_threads';
import { OfflineEmbeddingModel, offlineEmbeddingDimensions } from '../search/offline-embedding-model.js';
import { chunkBatches } from './chunk-batches.js';
import { openDocumentStream, summaryOf, type DocumentInput } from './document-stream.js';
import { extractDocument } from './extract-document.js';
import {
  chunkBatchesAhead,
  failureOutcome,
  moreChunks,
  type ChunkingMessage,
  type ExtractionOutcome,
  type ExtractionRequest,
} from './extraction-protocol.js';

if (!parentPort) throw new Error('extraction-worker must be started as a worker thread');
const port = parentPort;

/** Kept for the thread's life: it caches word features across documents. */
let embeddingModel: OfflineEmbeddingModel | undefined;

/** Batches the caller has room for, and the wait for room when it has none. */
let room = 0;
let roomMade: (() => void) | undefined;

port.on('message', async (message: ExtractionRequest | typeof moreChunks) => {
  if ('kind' in message) {
    room += 1;
    roomMade?.();
    return;
  }
  if (message.chunking) {
    await streamChunks(message, message.chunking);
    return;
  }
  const outcome: ExtractionOutcome = await extractDocument(documentInput(message), message.options).then(
    (document) => ({ kind: 'extracted', document }),
    failureOutcome,
  );
  port.postMessage(outcome);
});

async function streamChunks(request: ExtractionRequest, chunking: NonNullable<ExtractionRequest['chunking']>): Promise<void> {
  room = chunkBatchesAhead;
  const post = (message: ChunkingMessage): void => port.postMessage(message);
  try {
    const stream = await openDocumentStream(documentInput(request), request.options);
    for await (const chunks of chunkBatches(stream, chunking.options, chunking.batch)) {
      // Embedding is shared: the thread embeds a batch when the caller has no room for it yet (it
      // would only wait meanwhile), and leaves it to the caller when the caller is waiting for it.
      const vectors = chunking.embedOffline && room === 0 ? embedOffline(chunks.map((chunk) => chunk.text)) : undefined;
      while (room === 0) await new Promise<void>((resolve) => (roomMade = resolve));
      room -= 1;
      if (vectors) port.postMessage({ kind: 'chunks', chunks, vectors } satisfies ChunkingMessage, [vectors.buffer]);
      else post({ kind: 'chunks', chunks });
    }
    post({ kind: 'chunked', document: summaryOf(stream) });
  } catch (error) {
    post(failureOutcome(error));
  }
}

/** The texts' built-in embeddings, one after another in one array that can be transferred. */
function embedOffline(texts: readonly string[]): Float32Array<ArrayBuffer> {
  embeddingModel ??= new OfflineEmbeddingModel();
  const vectors = new Float32Array(new ArrayBuffer(texts.length * offlineEmbeddingDimensions * Float32Array.BYTES_PER_ELEMENT));
  texts.forEach((text, index) => vectors.set(embeddingModel!.embedText(text), index * offlineEmbeddingDimensions));
  return vectors;
}

function documentInput(request: ExtractionRequest): DocumentInput {
  return {
    ...('bytes' in request.content ? { bytes: Buffer.from(request.content.bytes) } : { path: request.content.path }),
    ...(request.name === undefined ? {} : { name: request.name }),
    ...(request.url === undefined ? {} : { url: request.url }),
  };
}
