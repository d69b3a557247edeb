/**
 * Worker-thread entry for `extractDocumentIsolated`: answers each `ExtractionRequest` with one
 * `ExtractionOutcome`, one at a time. The parent owns every limit (heap size, wall clock) and
 * stops the thread when one is passed, so nothing here needs to police itself.
 */
import { parentPort } from 'node:worker_threads';
import { extractDocument, type DocumentInput } from './extract-document.js';
import { failureOutcome, type ExtractionOutcome, type ExtractionRequest } from './extraction-protocol.js';

if (!parentPort) throw new Error('extraction-worker must be started as a worker thread');
const port = parentPort;

port.on('message', async (request: ExtractionRequest) => {
  const outcome: ExtractionOutcome = await extractDocument(documentInput(request), request.options).then(
    (document) => ({ kind: 'extracted', document }),
    failureOutcome,
  );
  port.postMessage(outcome);
});

function documentInput(request: ExtractionRequest): DocumentInput {
  return {
    ...('bytes' in request.content ? { bytes: Buffer.from(request.content.bytes) } : { path: request.content.path }),
    ...(request.name === undefined ? {} : { name: request.name }),
    ...(request.url === undefined ? {} : { url: request.url }),
  };
}
