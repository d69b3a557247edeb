import { clampProgress, type JobDefinition } from './job-definitions.js';
import { JobTimeoutError, PermanentJobError, failureReasonOf } from './job-errors.js';
import type { JobContext } from './job-queue.js';

/** How one run of a handler ended; each adapter records it in its own store. */
export type AttemptOutcome =
  | { kind: 'completed'; result: unknown }
  | { kind: 'failed'; reason: string; permanent: boolean }
  /** The queue shut down first: the job goes back to waiting, not counted as a failure. */
  | { kind: 'interrupted' };

export interface AttemptInput {
  definition: JobDefinition;
  id: string;
  attempt: number;
  payload: unknown;
  /** Aborted by the queue's shutdown, which turns a still-running attempt into `interrupted`. */
  shutdownSignal: AbortSignal;
  /** Stores progress; never called once the attempt has ended. */
  saveProgress(progress: number): Promise<void>;
}

/**
 * Runs a handler once with the definition's timeout, shared by both adapters so that timeouts,
 * permanent errors and shutdown behave the same. The outcome is settled by whichever comes
 * first — the handler, the timeout or the shutdown — and the handler's signal is aborted in the
 * latter two cases; a handler that ignores its signal keeps running, but nothing it does after
 * that counts.
 */
export function runJobAttempt(input: AttemptInput): Promise<AttemptOutcome> {
  const { definition, shutdownSignal } = input;
  const controller = new AbortController();
  let settled = false;
  return new Promise((resolve) => {
    const finish = (outcome: AttemptOutcome, abortReason?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      shutdownSignal.removeEventListener('abort', onShutdown);
      if (abortReason !== undefined) controller.abort(abortReason);
      resolve(outcome);
    };
    const onShutdown = () => finish({ kind: 'interrupted' }, shutdownSignal.reason);
    const timer = setTimeout(() => {
      const timeout = new JobTimeoutError(definition.timeoutMs);
      finish({ kind: 'failed', reason: timeout.message, permanent: false }, timeout);
    }, definition.timeoutMs);
    if (shutdownSignal.aborted) return onShutdown();
    shutdownSignal.addEventListener('abort', onShutdown, { once: true });

    const context: JobContext = {
      id: input.id,
      attempt: input.attempt,
      signal: controller.signal,
      reportProgress: async (progress) => {
        if (!settled) await input.saveProgress(clampProgress(progress));
      },
    };
    Promise.resolve()
      .then(() => definition.handler(input.payload, context))
      .then(
        (result) => finish(completion(result)),
        (error: unknown) =>
          finish({ kind: 'failed', reason: failureReasonOf(error), permanent: error instanceof PermanentJobError }),
      );
  });
}

/** Both stores keep results as JSON; a result that cannot be is a bug no retry will fix. */
function completion(result: unknown): AttemptOutcome {
  if (result === undefined || result === null) return { kind: 'completed', result: undefined };
  try {
    return { kind: 'completed', result: JSON.parse(JSON.stringify(result)) as unknown };
  } catch (error) {
    return { kind: 'failed', reason: `Result is not JSON: ${failureReasonOf(error)}`, permanent: true };
  }
}
