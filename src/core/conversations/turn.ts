import type { ChatErrorCode, ChatFinishReason } from '../../llm/chat-stream-event.js';
import type { ConversationMessage } from './conversation.js';
import type { ConversationStreamEvent, TurnStarted } from './conversation-stream-event.js';
import { UpstreamTurnError } from './turn-errors.js';

/** A turn's stored result: the question and the answer as they are in the database. */
export interface TurnAnswer extends TurnStarted {
  userMessage: ConversationMessage;
  message: ConversationMessage;
}

/**
 * A chat turn whose rows are written: either running now, or replayed from an earlier send with
 * the same idempotency key. Either way a client sees the same events and the same answer.
 */
export interface Turn {
  readonly started: TurnStarted;
  /** True when this is an earlier send's result returned again for its idempotency key. */
  readonly replayed: boolean;
  /**
   * The turn's events, `message-start` first, ending with one `finish` or `error` sent once the
   * answer is stored. Aborting `signal` (the client went away) stops the model call; what had
   * arrived is stored as `incomplete`, also when the consumer stops iterating early.
   */
  stream(signal?: AbortSignal): AsyncGenerator<ConversationStreamEvent, void, undefined>;
  /**
   * Runs the turn to its end for callers answering in one piece. Throws
   * {@link UpstreamTurnError} when the model call failed; the failed answer is stored.
   */
  answer(signal?: AbortSignal): Promise<TurnAnswer>;
}

const retryableCodes: ReadonlySet<string> = new Set(['UPSTREAM_RATE_LIMITED', 'UPSTREAM_ERROR', 'UPSTREAM_TIMEOUT']);

/** The event a stored answer ends its stream with: `finish` if complete, `error` otherwise. */
export function endEvent(message: ConversationMessage, retryable?: boolean): ConversationStreamEvent {
  if (message.status === 'complete') {
    return {
      type: 'finish',
      messageId: message.id,
      finishReason: (message.finishReason ?? 'other') as ChatFinishReason,
      usage: message.usage,
      latency: message.latency ?? { firstTokenMs: null, totalMs: null },
    };
  }
  const code = (message.error?.code ?? 'ABORTED') as ChatErrorCode;
  return {
    type: 'error',
    messageId: message.id,
    code,
    message: message.error?.message ?? 'The answer was cut off before it ended',
    retryable: retryable ?? retryableCodes.has(code),
  };
}

/** The answer for a one-piece caller, or the error that says why there is none. */
export function answerOrThrow(answer: TurnAnswer): TurnAnswer {
  const { message } = answer;
  if (message.status !== 'failed' || !message.error) return answer;
  const code = message.error.code as ChatErrorCode;
  throw new UpstreamTurnError(code, message.error.message, retryableCodes.has(code));
}
