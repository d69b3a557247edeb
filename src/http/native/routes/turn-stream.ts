import { PassThrough } from 'node:stream';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { ConversationStreamEvent } from '../../../core/conversations/conversation-stream-event.js';
import type { Turn } from '../../../core/conversations/turn.js';

/** How a send answers: one JSON envelope, Server-Sent Events, or JSON lines. */
export type TurnResponseFormat = 'json' | 'sse' | 'ndjson';

/**
 * Picks the format from the body's `stream` and the Accept header: an explicit "sse" or "ndjson"
 * wins; `true` streams as SSE unless Accept asks for NDJSON; left out, Accept decides; `false`
 * is JSON whatever Accept says.
 */
export function turnResponseFormat(stream: boolean | 'sse' | 'ndjson' | undefined, accept: string | undefined): TurnResponseFormat {
  if (stream === 'sse' || stream === 'ndjson') return stream;
  if (stream === false) return 'json';
  const accepts = (type: string) => accept?.toLowerCase().includes(type) ?? false;
  if (accepts('application/x-ndjson') && !accepts('text/event-stream')) return 'ndjson';
  if (stream === true || accepts('text/event-stream')) return 'sse';
  return 'json';
}

const wire = {
  sse: {
    contentType: 'text/event-stream; charset=utf-8',
    encode: (event: ConversationStreamEvent) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`,
  },
  ndjson: {
    contentType: 'application/x-ndjson; charset=utf-8',
    encode: (event: ConversationStreamEvent) => `${JSON.stringify(event)}\n`,
  },
};

/**
 * An abort signal that fires when the client goes away before the response has been written,
 * so the model call behind it stops instead of streaming into nowhere.
 */
export function clientDisconnectSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new DOMException('The client disconnected', 'AbortError'));
  });
  return controller.signal;
}

/**
 * Streams a turn's events in the chosen wire format. The turn is always run to its end, even
 * when the client has gone (the signal has stopped the model by then), so its answer is stored.
 */
export function sendTurnStream(
  reply: FastifyReply,
  turn: Turn,
  format: Exclude<TurnResponseFormat, 'json'>,
  signal: AbortSignal,
  log: FastifyBaseLogger,
): FastifyReply {
  const { contentType, encode } = wire[format];
  const output = new PassThrough();
  // Events that arrive together (an upstream network chunk carries many deltas) leave in one
  // write at the end of the current turn of the event loop instead of one socket write each.
  let pending = '';
  let flushScheduled = false;
  const flush = () => {
    flushScheduled = false;
    if (pending && !output.destroyed) output.write(pending);
    pending = '';
  };
  void (async () => {
    try {
      for await (const event of turn.stream(signal)) {
        pending += encode(event);
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      }
    } catch (error) {
      log.error({ err: error }, 'chat turn failed while streaming');
    } finally {
      flush();
      output.end();
      // A client that went away may have left its socket half-open; release it.
      if (signal.aborted) reply.raw.destroy();
    }
  })();
  return reply
    .header('content-type', contentType)
    .header('cache-control', 'no-cache, no-transform')
    .header('x-accel-buffering', 'no')
    .send(output);
}
