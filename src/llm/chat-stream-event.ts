/** A passage or page the answer drew on, for citations in the UI and the stored message. */
export interface ChatSource {
  id: string;
  title?: string;
  url?: string;
  location?: string;
  snippet?: string;
}

export interface ChatUsage {
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** True when the upstream reported no usage and the figures were counted locally. */
  estimated: boolean;
}

export type ChatFinishReason = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'other';

/**
 * Why a turn failed. `retryable` says whether asking again later can succeed: a rate limit or
 * an outage can pass, a rejected request or a client that went away will not.
 */
export type ChatErrorCode =
  | 'UPSTREAM_RATE_LIMITED'
  | 'UPSTREAM_AUTHENTICATION_FAILED'
  | 'UPSTREAM_REJECTED'
  | 'UPSTREAM_ERROR'
  | 'UPSTREAM_TIMEOUT'
  | 'ABORTED';

export interface ChatError {
  code: ChatErrorCode;
  message: string;
  retryable: boolean;
  /** The upstream's HTTP status, when it answered with one. */
  statusCode?: number;
}

/**
 * What a chat turn streams, with the same noun-verb names the SSE wire format uses. A turn
 * ends with exactly one `finish` or one `error`.
 */
export type ChatStreamEvent =
  | { type: 'text-delta'; delta: string }
  | { type: 'source'; source: ChatSource }
  | { type: 'tool-call'; toolCallId: string; toolName: string; input: unknown }
  | { type: 'tool-result'; toolCallId: string; toolName: string; output: unknown; isError: boolean }
  | { type: 'finish'; finishReason: ChatFinishReason; usage: ChatUsage }
  | ({ type: 'error' } & ChatError);
