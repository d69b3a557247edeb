import type { ChatErrorCode, ChatFinishReason } from '../../llm/chat-stream-event.js';
import type { Citation, MessageLatency, MessageUsage } from './conversation.js';

/** Where the turn landed: sent first, before the model is called, so a client can link the answer. */
export interface TurnStarted {
  conversationId: string;
  title: string;
  /** The question: the stored user message (when regenerating, the one being answered again). */
  userMessageId: string;
  /** The answer being written; it is already stored, with status `incomplete` until it ends. */
  assistantMessageId: string;
}

/**
 * What a conversation turn streams to its client. The names are the chat stream's own
 * (`text-delta`, `source`, `finish`, `error`) plus `message-start`; the SSE wire uses them as
 * event names and NDJSON as each line's `type`. A turn ends with exactly one `finish` or `error`.
 */
export type ConversationStreamEvent =
  | ({ type: 'message-start' } & TurnStarted)
  | { type: 'text-delta'; delta: string }
  | { type: 'source'; source: Citation }
  | {
      type: 'finish';
      messageId: string;
      finishReason: ChatFinishReason;
      usage: MessageUsage | null;
      latency: MessageLatency;
    }
  | { type: 'error'; messageId: string; code: ChatErrorCode; message: string; retryable: boolean };
