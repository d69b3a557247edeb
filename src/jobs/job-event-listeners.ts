import type { JobEvent, JobEventListener } from './job-queue.js';

/**
 * The listeners of one queue. A listener that throws neither stops the others nor the queue's
 * own bookkeeping: its error goes to the queue's `onError`.
 */
export class JobEventListeners {
  private readonly listeners = new Set<JobEventListener>();

  constructor(private readonly onError: (error: unknown) => void) {}

  add(listener: JobEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  emit(event: JobEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.onError(error);
      }
    }
  }
}
