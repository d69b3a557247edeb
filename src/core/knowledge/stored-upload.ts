import { createHash, randomUUID } from 'node:crypto';
import { pipeline, Transform, type Readable } from 'node:stream';
import { detectType } from '../../ingest/detect-type.js';
import type { DocumentType } from '../../ingest/extracted-document.js';
import type { BlobStorage } from '../../storage/blobs/blob-storage.js';
import { FileTooLargeError } from './knowledge-errors.js';

/** A file as it arrives: the uploader's name (a label only) and its bytes as a stream. */
export interface FileUpload {
  filename: string;
  content: Readable;
}

/** An upload safely in blob storage, identified by content. */
export interface StoredUpload {
  blobKey: string;
  contentHash: string;
  sizeBytes: number;
  documentType: DocumentType;
}

/**
 * Streams an upload into blob storage under a fresh server-generated key, hashing and counting
 * it on the way (the file is never whole in memory), then decides its type from the stored
 * content's magic bytes. Anything refused (too large, unsupported type) leaves no blob behind.
 *
 * @throws FileTooLargeError past `maximumBytes`; UnsupportedFileError for content Docent cannot read.
 */
export async function storeUpload(
  blobs: BlobStorage,
  knowledgeBaseId: string,
  upload: FileUpload,
  maximumBytes: number,
): Promise<StoredUpload> {
  const blobKey = `knowledge/${knowledgeBaseId}/${randomUUID()}`;
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      sizeBytes += chunk.length;
      if (sizeBytes > maximumBytes) return callback(new FileTooLargeError(maximumBytes));
      hash.update(chunk);
      callback(null, chunk);
    },
  });
  // The callback form forwards an error of the upload stream (a client that disconnects, a
  // transport-level size limit) to the meter, and so to the blob write.
  const metered = pipeline(upload.content, meter, () => {});
  try {
    await blobs.put(blobKey, metered);
    const documentType = await blobs.withLocalFile(blobKey, (path) => detectType({ path }));
    return { blobKey, contentHash: hash.digest('hex'), sizeBytes, documentType };
  } catch (error) {
    await blobs.delete(blobKey);
    throw error;
  }
}

export function isSpreadsheet(documentType: DocumentType): boolean {
  return documentType === 'xlsx' || documentType === 'csv';
}
