import { ResourceLimitedWorker, type RunLimits, type StreamProtocol, type WorkerTask } from './resource-limited-worker.js';

/** Idle threads kept per memory limit; more concurrent calls start extra threads that end afterwards. */
const maximumIdleWorkers = 2;

/** A thread is retired after this many documents, so a slow leak in a parser cannot build up. */
const maximumTasksPerWorker = 100;

/**
 * Reuses resource-limited threads between tasks. Starting a thread and loading the ingest parsers
 * costs over a second of CPU on a small machine, and pdf.js initialises itself on its first
 * document; a warm thread answers in roughly the time the parse itself takes.
 *
 * A thread that failed in any way (timeout, heap cap, crash, abort) is already stopped and never
 * comes back. Garbage left by earlier documents is collected before V8 gives up on the heap cap,
 * so the cap still bounds what one document may hold. Idle threads do not keep the process alive.
 */
export class WorkerPool {
  readonly #idle = new Map<number, ResourceLimitedWorker[]>();

  constructor(readonly script: URL) {}

  async run<Reply>(memoryLimitMb: number, task: WorkerTask, limits: RunLimits): Promise<Reply> {
    const worker = this.#take(memoryLimitMb);
    const reply = await worker.run<Reply>(task, limits);
    this.#release(worker);
    return reply;
  }

  /** {@link ResourceLimitedWorker.stream} on a pooled thread, which goes back to the pool only if the task ran to its end. */
  async *stream<Message>(memoryLimitMb: number, task: WorkerTask, limits: RunLimits, protocol: StreamProtocol<Message>): AsyncGenerator<Message> {
    const worker = this.#take(memoryLimitMb);
    yield* worker.stream(task, limits, protocol);
    this.#release(worker);
  }

  #take(memoryLimitMb: number): ResourceLimitedWorker {
    const idle = this.#idle.get(memoryLimitMb) ?? [];
    let worker = idle.pop();
    while (worker && !worker.alive) worker = idle.pop();
    return worker ?? new ResourceLimitedWorker(this.script, memoryLimitMb);
  }

  #release(worker: ResourceLimitedWorker): void {
    const idle = this.#idle.get(worker.memoryLimitMb) ?? [];
    this.#idle.set(worker.memoryLimitMb, idle);
    if (worker.alive && worker.completedTasks < maximumTasksPerWorker && idle.length < maximumIdleWorkers) {
      idle.push(worker);
    } else {
      void worker.stop();
    }
  }
}
