import { DomainError } from '../core/errors.js';

/**
 * Why an upload could not be turned into text. Every failure of the ingest library is one of
 * these, so callers can show the user a specific reason and decide whether a retry makes sense
 * (only `timeout` might pass on a quieter machine).
 */
export type IngestFailureReason =
  | 'unsupported-type'
  | 'too-large'
  | 'too-many-pages'
  | 'too-many-rows'
  | 'archive-rejected'
  | 'corrupt'
  | 'encrypted'
  | 'too-complex'
  | 'timeout';

/**
 * An upload that cannot be ingested. It is a validation error (HTTP 400) to the API surfaces:
 * the file is at fault, not the server. Messages are safe to show to the uploader.
 */
export class IngestError extends DomainError {
  constructor(
    readonly reason: IngestFailureReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('VALIDATION_ERROR', 400, message);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** The content is not one of the formats Docent can read (an image, an executable, ...). */
export class UnsupportedFileError extends IngestError {
  constructor(message: string) {
    super('unsupported-type', message);
  }
}
