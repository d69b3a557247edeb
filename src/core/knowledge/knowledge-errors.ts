import { DomainError } from '../errors.js';

/** An upload over the size limit: HTTP 413 with the limit in the message. */
export class FileTooLargeError extends DomainError {
  constructor(readonly maximumBytes: number) {
    super('VALIDATION_ERROR', 413, `The file is larger than the upload limit of ${maximumBytes} bytes`);
  }
}
