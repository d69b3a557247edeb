/**
 * Thrown by a handler when running the job again cannot help (the source is gone, the file is not
 * a PDF): the job fails at once with this message as its reason, whatever attempts remain.
 */
export class PermanentJobError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/** Ends an attempt that ran past its definition's `timeoutMs`; the job is retried like any failure. */
export class JobTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`Job timed out after ${timeoutMs} ms`);
    this.name = 'JobTimeoutError';
  }
}

/** The failure reason stored for a thrown value: its message, or the value itself as text. */
export function failureReasonOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
