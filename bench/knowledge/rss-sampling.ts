import { readFileSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * Samples the process RSS every 50 ms from a worker thread: the app's extraction, chunking and
 * embedding run synchronously on the main thread for seconds at a time, and a timer there would
 * not fire until they finish, missing the peak.
 */
export class RssSampler {
  private readonly worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let peak = 0, samples = 0;
     const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); samples++; };
     sample();
     const timer = setInterval(sample, 50);
     parentPort.on('message', () => { clearInterval(timer); sample(); parentPort.postMessage({ peak, samples }); });`,
    { eval: true },
  );

  async stop(): Promise<{ peak: number; samples: number }> {
    const result = new Promise<{ peak: number; samples: number }>((resolve) => this.worker.once('message', resolve));
    this.worker.postMessage('stop');
    const value = await result;
    await this.worker.terminate();
    return value;
  }
}

/** Linux: writing 5 to clear_refs resets VmHWM to the current RSS. */
export function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // not Linux, or not permitted: VmHWM is then the peak since start
  }
}

/** Peak RSS in KiB (VmHWM), or NaN where /proc is not available. */
export function peakRss(): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN);
  } catch {
    return Number.NaN;
  }
}
