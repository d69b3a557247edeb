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
  private timeoutFired = false;

  constructor(private readonly timeouts: WatchdogTimeouts) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get timedOut(): boolean {
    return this.timeoutFired;
  }

  /** The model with every streaming attempt watched. */
  watch(model: LanguageModelV3): LanguageModelV3 {
    return wrapLanguageModel({
      model,
      middleware: {
        specificationVersion: 'v3',
        wrapStream: async ({ doStream }) => {
          this.arm(this.timeouts.firstTokenTimeoutMs, 'first token');
          try {
            const result = await doStream();
            return { ...result, stream: result.stream.pipeThrough(this.partWatcher()) };
          } catch (error) {
            this.stop();
            throw error;
          }
        },
      },
    });
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private partWatcher(): TransformStream<LanguageModelV3StreamPart, LanguageModelV3StreamPart> {
    return new TransformStream({
      transform: (part, controller) => {
        // `stream-start` is produced locally as soon as headers arrive; it proves nothing is flowing.
        if (part.type !== 'stream-start') this.arm(this.timeouts.idleTimeoutMs, 'streamed part');
        controller.enqueue(part);
      },
      flush: () => this.stop(),
    });
  }

  private arm(timeoutMs: number, awaited: string): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.timeoutFired = true;
      this.controller.abort(new DOMException(`No ${awaited} from the model within ${timeoutMs} ms`, 'TimeoutError'));
    }, timeoutMs);
  }
}
