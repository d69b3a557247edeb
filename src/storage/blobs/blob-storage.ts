import type { Readable } from 'node:stream';

/**
 * Where uploaded files live, by server-generated key (never the uploader's file name). The port
 * has a local-folder adapter for the embedded default and room for an object store; callers
 * stream in and read through a local path, so no adapter ever holds a whole file in memory.
 */
export interface BlobStorage {
  /**
   * Streams `content` into the blob `key`, replacing any blob there. The blob appears only once
   * the stream has ended without error; a failed write leaves nothing behind.
   */
  put(key: string, content: Readable): Promise<void>;
  /**
   * Runs `work` with a local file path holding the blob (the file itself for a local folder, a
   * temporary download for a remote store) and cleans up after it.
   * @throws BlobNotFoundError when there is no such blob.
   */
  withLocalFile<T>(key: string, work: (path: string) => Promise<T>): Promise<T>;
  /** Removes the blob; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

export class BlobNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`Blob "${key}" does not exist`);
    this.name = 'BlobNotFoundError';
  }
}
