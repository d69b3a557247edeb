import type { ChatError, ChatFinishReason, ChatSource, ChatStreamEvent, ChatUsage } from './chat-stream-event.js';
import { streamChatTurn, type ChatTurnRequest } from './chat-stream.js';

export interface ChatTurnResult {
  /** The answer text; on error, whatever arrived before it. */
  text: string;
  sources: ChatSource[];
  toolCalls: Extract<ChatStreamEvent, { type: 'tool-call' }>[];
  finishReason: ChatFinishReason;
  usage?: ChatUsage;
  error?: ChatError;
}

/**
 * Runs a chat turn to completion for callers that answer in one piece (non-streaming API
 * requests, channels, evaluations). A failure is returned, not thrown, with the partial text,
 * so the caller can store exactly what the user saw before it.
 */
export async function collectChatTurn(request: ChatTurnRequest): Promise<ChatTurnResult> {
  const result: ChatTurnResult = { text: '', sources: [], toolCalls: [], finishReason: 'other' };
  for await (const event of streamChatTurn(request)) {
    switch (event.type) {
      case 'text-delta':
        result.text += event.delta;
        break;
      case 'source':
        result.sources.push(event.source);
        break;
      case 'tool-call':
        result.toolCalls.push(event);
        break;
      case 'finish':
        result.finishReason = event.finishReason;
        result.usage = event.usage;
        break;
      case 'error': {
        const { type: _type, ...error } = event;
        result.finishReason = 'error';
        result.error = error;
        break;
      }
    }
  }
  return result;
}
