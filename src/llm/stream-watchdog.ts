import type { LanguageModelV3, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { wrapLanguageModel } from 'ai';

export interface WatchdogTimeouts {
  /** Longest wait, per attempt, from sending the request to the first streamed part. */
  firstTokenTimeoutMs: number;
  /** Longest silence between two streamed parts once the answer has started. */
  idleTimeoutMs: number;
}

/**
 * Aborts a model call whose upstream goes quiet. The first-token clock restarts with every
 * attempt, so time spent waiting out a `retry-after` before a retry is not counted against it;
 * after the first part, every part resets the idle clock. `signal` is what the call must be
 * given; `timedOut` tells afterwards whether an abort was a timeout.
 */
export class StreamWatchdog {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What the running timer waits for (each wait has one length); the same wait is only refreshed. */
  private armedFor: string | undefined;
  private timeoutFired = false;

  constructor(private readonly timeouts: WatchdogTimeouts) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get timedOut(): boolean {
    return this.timeoutFired;
  }

  /** The model with every streaming attempt watched (for callers that go through `streamText`). */
  watch(model: LanguageModelV3): LanguageModelV3 {
    return wrapLanguageModel({
      model,
      middleware: {
        specificationVersion: 'v3',
        wrapStream: async ({ doStream }) => {
          const result = await this.attempt(doStream);
          return { ...result, stream: result.stream.pipeThrough(this.partWatcher()) };
        },
      },
    });
  }

  /** Runs one attempt of a streaming call (until its response starts) on the first-token clock. */
  async attempt<T>(call: () => PromiseLike<T>): Promise<T> {
    this.arm(this.timeouts.firstTokenTimeoutMs, 'first token');
    try {
      return await call();
    } catch (error) {
      this.stop();
      throw error;
    }
  }

  /** Notes a part read from the stream: every part but `stream-start` restarts the idle clock. */
  observe(part: LanguageModelV3StreamPart): void {
    // `stream-start` is produced locally as soon as headers arrive; it proves nothing is flowing.
    if (part.type !== 'stream-start') this.arm(this.timeouts.idleTimeoutMs, 'streamed part');
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = undefined;
  }

  private partWatcher(): TransformStream<LanguageModelV3StreamPart, LanguageModelV3StreamPart> {
    return new TransformStream({
      transform: (part, controller) => {
        this.observe(part);
        controller.enqueue(part);
      },
      flush: () => this.stop(),
    });
  }

  private arm(timeoutMs: number, awaited: string): void {
    // Re-arming for every streamed part: restarting the running timer allocates nothing.
    if (this.timer && this.armedFor === awaited) {
      this.timer.refresh();
      return;
    }
    this.stop();
    this.armedFor = awaited;
    this.timer = setTimeout(() => {
      this.timeoutFired = true;
      this.controller.abort(new DOMException(`No ${awaited} from the model within ${timeoutMs} ms`, 'TimeoutError'));
    }, timeoutMs);
  }
}
