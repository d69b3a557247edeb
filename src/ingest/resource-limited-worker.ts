import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';
import { IngestError } from './ingest-error.js';

/** One message for the worker, and the buffers in it that move to the worker rather than being copied. */
export interface WorkerTask {
  message: unknown;
  transferList?: TransferListItem[];
}

/** How a streamed task talks: which message ends it, and what to send back for each message taken. */
export interface StreamProtocol<Message> {
  isLast(message: Message): boolean;
  /** Posted to the thread whenever the caller takes a message that is not the last. */
  acknowledgement: unknown;
}

export interface RunLimits {
  /** Wall-clock budget from handing over the task to the reply, in milliseconds; includes start-up for a cold thread. */
  timeoutMs: number;
  /** Stops the thread early, e.g. when the job is cancelled or the server shuts down. */
  signal?: AbortSignal;
}

/** Node's default, named so a change is deliberate. Deep recursion overflows into a catchable RangeError. */
const stackSizeMb = 4;

/**
 * A worker thread with a capped heap that answers one task at a time. Unlike a cooperative
 * deadline, this stops code stuck in a synchronous loop or allocating without bound: V8 ends the
 * thread when the heap cap is hit and `terminate()` interrupts running JavaScript, while the
 * calling thread keeps serving.
 *
 * The script must answer each message with exactly one reply. After a reply the thread stays up
 * for the next task; after any failure it is stopped. While idle it does not keep the process alive.
 */
export class ResourceLimitedWorker {
  readonly #worker: Worker;
  #exit: Error | undefined;
  #busy = false;
  /** Tasks answered so far; a pool uses it to retire long-lived threads. */
  completedTasks = 0;

  constructor(
    script: URL,
    readonly memoryLimitMb: number,
  ) {
    const options = { resourceLimits: heapLimits(memoryLimitMb) };
    this.#worker = script.pathname.endsWith('.ts')
      ? new Worker(typeScriptBootstrap(script), { ...options, eval: true })
      : new Worker(script, options);
    this.#worker.unref();
    this.#worker.on('error', (error) => (this.#exit ??= this.#failure(error)));
    this.#worker.on('exit', (exitCode) => (this.#exit ??= new Error(`The worker thread exited with code ${exitCode}`)));
  }

  /** False once the thread has stopped, for whatever reason; such a worker can only fail. */
  get alive(): boolean {
    return this.#exit === undefined;
  }

  /**
   * Hands over the task and returns the reply. On any failure the thread is stopped before the
   * promise settles, so a runaway parse has released its memory by the time the caller moves on.
   *
   * @throws IngestError `timeout` when no reply comes within `timeoutMs`.
   * @throws IngestError `too-large` when the thread runs out of heap: the document is too big to
   *   read within the memory allowed, and retrying will not help.
   * @throws the signal's reason when `signal` aborts; the thread's own error if it crashes.
   */
  async run<Reply>(task: WorkerTask, limits: RunLimits): Promise<Reply> {
    if (this.#busy) throw new Error('A ResourceLimitedWorker runs one task at a time');
    this.#busy = true;
    const settled = new AbortController();
    try {
      limits.signal?.throwIfAborted();
      if (this.#exit) throw this.#exit;
      const reply = await new Promise<Reply>((resolve, reject) => {
        const timer = setTimeout(() => reject(timeoutError(limits.timeoutMs)), limits.timeoutMs);
        settled.signal.addEventListener('abort', () => clearTimeout(timer));
        limits.signal?.addEventListener('abort', () => reject(limits.signal?.reason), { signal: settled.signal });
        this.#listen('message', resolve, settled.signal);
        this.#listen('error', (error: Error) => reject(this.#failure(error)), settled.signal);
        this.#listen('exit', (exitCode: number) => reject(new Error(`The worker thread exited with code ${exitCode} without replying`)), settled.signal);
        this.#worker.postMessage(task.message, task.transferList);
      });
      this.completedTasks += 1;
      return reply;
    } catch (error) {
      await this.stop();
      throw error;
    } finally {
      settled.abort();
      this.#busy = false;
    }
  }

  /**
   * Hands over the task and yields the thread's messages until `protocol.isLast` says one ends
   * the task (that one is yielded too). The thread is expected to wait for an acknowledgement per
   * message taken, so unread messages never pile up.
   *
   * `timeoutMs` bounds the time spent waiting for the thread, not the time the caller spends on
   * what it received: a slow consumer (a remote embedding provider) is not the parser's fault.
   * On any failure, or when the caller stops early, the thread is stopped.
   *
   * @throws as {@link run}.
   */
  async *stream<Message>(task: WorkerTask, limits: RunLimits, protocol: StreamProtocol<Message>): AsyncGenerator<Message> {
    if (this.#busy) throw new Error('A ResourceLimitedWorker runs one task at a time');
    this.#busy = true;
    const settled = new AbortController();
    const inbox: Message[] = [];
    let failure: unknown;
    let wake: (() => void) | undefined;
    const notify = (): void => wake?.();
    let ended = false;
    try {
      limits.signal?.throwIfAborted();
      if (this.#exit) throw this.#exit;
      this.#listen('message', (message: Message) => {
        inbox.push(message);
        notify();
      }, settled.signal);
      this.#listen('error', (error: Error) => {
        failure ??= this.#failure(error);
        notify();
      }, settled.signal);
      this.#listen('exit', (exitCode: number) => {
        failure ??= new Error(`The worker thread exited with code ${exitCode} without replying`);
        notify();
      }, settled.signal);
      limits.signal?.addEventListener('abort', () => {
        failure ??= limits.signal?.reason;
        notify();
      }, { signal: settled.signal });
      this.#worker.postMessage(task.message, task.transferList);
      let remainingMs = limits.timeoutMs;
      while (!ended) {
        if (failure !== undefined && (inbox.length === 0 || limits.signal?.aborted)) throw failure;
        const message = inbox.shift();
        if (message === undefined) {
          const waited = performance.now();
          const timedOut = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(true), Math.max(0, remainingMs));
            wake = () => {
              clearTimeout(timer);
              resolve(false);
            };
          });
          wake = undefined;
          remainingMs -= performance.now() - waited;
          if (timedOut) throw timeoutError(limits.timeoutMs);
          continue;
        }
        ended = protocol.isLast(message);
        if (!ended) this.#worker.postMessage(protocol.acknowledgement);
        else this.completedTasks += 1;
        yield message;
      }
    } catch (error) {
      await this.stop();
      throw error;
    } finally {
      settled.abort();
      this.#busy = false;
      // The caller stopped before the last message: the thread may still be working for it.
      if (!ended) await this.stop();
    }
  }

  /** Stops the thread; resolves once it is gone. */
  async stop(): Promise<void> {
    this.#exit ??= new Error('The worker thread was stopped');
    await this.#worker.terminate();
  }

  #listen<Arguments extends unknown[]>(event: string, listener: (...args: Arguments) => void, until: AbortSignal): void {
    const handler = (...args: unknown[]): void => listener(...(args as Arguments));
    this.#worker.on(event, handler);
    until.addEventListener('abort', () => this.#worker.off(event, handler));
  }

  #failure(error: Error): Error {
    const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
    return outOfMemory
      ? new IngestError('too-complex', `Reading the document needs more than the ${this.memoryLimitMb} MB of memory allowed`)
      : error;
  }
}

/** Splits the budget so the young generation (short-lived garbage) gets an eighth, 8 to 64 MiB. */
function heapLimits(memoryLimitMb: number): ResourceLimits {
  const youngGenerationMb = Math.min(64, Math.max(8, Math.floor(memoryLimitMb / 8)));
  return {
    maxYoungGenerationSizeMb: youngGenerationMb,
    maxOldGenerationSizeMb: Math.max(1, memoryLimitMb - youngGenerationMb),
    stackSizeMb,
  };
}

/**
 * Source for a worker that registers tsx's loader, then imports the TypeScript `script` (tests and
 * `tsx` in development). Node 20 ignores `execArgv: ['--import', 'tsx']` for a worker's entry
 * module, so the loader has to be registered before the entry is imported.
 */
function typeScriptBootstrap(script: URL): string {
  const tsxApi = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); });`;
}

/** Worded like `Deadline`'s message: one limit, one sentence, whichever side enforces it. */
function timeoutError(timeoutMs: number): IngestError {
  return new IngestError('timeout', `Reading the document took longer than ${timeoutMs} ms`);
}
