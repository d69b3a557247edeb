import { PassThrough } from 'node:stream';
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import type { ConversationStreamEvent } from '../../core/conversations/conversation-stream-event.js';
import type { Turn } from '../../core/conversations/turn.js';

/**
 * What a visitor sees of a turn's events: the ids, the text, the sources and how it ended, but
 * not token usage, latency or an upstream provider's own error text.
 */
function toVisitorEvent(event: ConversationStreamEvent): object {
  switch (event.type) {
    case 'message-start':
      return { conversationId: event.conversationId, userMessageId: event.userMessageId, assistantMessageId: event.assistantMessageId };
    case 'finish':
      return { messageId: event.messageId, finishReason: event.finishReason };
    case 'error':
      return { messageId: event.messageId, code: event.code, retryable: event.retryable, message: 'The assistant could not answer just now' };
    case 'text-delta':
      return { delta: event.delta };
    case 'source':
      return { source: event.source };
  }
}

/** An abort signal that fires when the visitor goes away mid-answer, which stops the model call. */
export function visitorDisconnectSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new DOMException('The visitor disconnected', 'AbortError'));
  });
  return controller.signal;
}

/**
 * Streams a turn as Server-Sent Events named like the events (`message-start`, `text-delta`,
 * `source`, `finish`, `error`). The turn always runs to its end so the answer is stored.
 */
export function sendVisitorEventStream(reply: FastifyReply, turn: Turn, log: FastifyBaseLogger): FastifyReply {
  const output = new PassThrough();
  const signal = visitorDisconnectSignal(reply);
  void (async () => {
    try {
      for await (const event of turn.stream(signal)) {
        if (!output.destroyed) output.write(`event: ${event.type}\ndata: ${JSON.stringify(toVisitorEvent(event))}\n\n`);
      }
    } catch (error) {
      log.error({ err: error }, 'widget turn failed while streaming');
    } finally {
      output.end();
    }
  })();
  return reply
    .header('content-type', 'text/event-stream; charset=utf-8')
    .header('cache-control', 'no-cache, no-transform')
    .header('x-accel-buffering', 'no')
    .send(output);
}
