import { ResponseTooLargeError } from './errors.js';

/** Whether a response announces a larger body than allowed, so it can be refused before reading. */
export function declaresMoreThan(headers: Pick<Headers, 'get'>, maxBytes: number): boolean {
  return Number(headers.get('content-length') ?? 0) > maxBytes;
}

/**
 * Passes a body through chunk by chunk, pulling from upstream only when the reader asks, so an
 * SSE stream stays a stream. Errors with ResponseTooLargeError once more than `maxBytes` have
 * arrived; the bytes counted are decoded ones, which also bounds what a compressed body expands to.
 * `onSettled` runs when the body ends, fails or is cancelled.
 */
export function limitBodySize(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  onSettled: () => void,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let receivedBytes = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            onSettled();
            return controller.close();
          }
          receivedBytes += value.byteLength;
          if (receivedBytes > maxBytes) throw new ResponseTooLargeError(maxBytes);
          controller.enqueue(value);
        } catch (error) {
          onSettled();
          controller.error(error);
          await reader.cancel(error).catch(() => undefined);
        }
      },
      async cancel(reason) {
        onSettled();
        await reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}
