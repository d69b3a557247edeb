import { IngestError } from './ingest-error.js';

/**
 * A wall-clock budget for parsing one file. Parsers that work in steps (PDF pages, sheet rows)
 * call `check()` between steps; `race()` bounds a whole asynchronous parse.
 *
 * Neither can interrupt synchronous work already running: mammoth, exceljs and pdf.js all parse
 * on the calling thread and take no abort signal, so a parser stuck inside one synchronous call
 * keeps the thread until it returns. That is why every input is size-bounded first (file bytes,
 * archive entries and their inflated size, pages, rows): the budget then only has to catch slow
 * inputs, not endless ones.
 */
export class Deadline {
  readonly #expiresAt: number;

  constructor(readonly timeoutMs: number) {
    this.#expiresAt = Date.now() + timeoutMs;
  }

  get expired(): boolean {
    return Date.now() >= this.#expiresAt;
  }

  /** @throws IngestError `timeout` once the budget is spent. */
  check(): void {
    if (this.expired) throw this.#timeoutError();
  }

  /**
   * Settles like `work`, unless the budget runs out first; then rejects with a timeout and calls
   * `onTimeout` so the caller can release what the abandoned work holds.
   */
  async race<T>(work: Promise<T>, onTimeout?: () => void): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        onTimeout?.();
        reject(this.#timeoutError());
      }, Math.max(0, this.#expiresAt - Date.now()));
    });
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  #timeoutError(): IngestError {
    return new IngestError('timeout', `Reading the document took longer than ${this.timeoutMs} ms`);
  }
}
