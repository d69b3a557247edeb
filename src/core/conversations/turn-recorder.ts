import type { ChatError, ChatFinishReason, ChatSource, ChatStreamEvent, ChatUsage } from '../../llm/chat-stream-event.js';
import type { MessagesTable } from '../../storage/schema.js';
import type { Citation, MessageLatency, MessageStatus } from './conversation.js';

/** How a turn ended, as the assistant message stores it. */
export interface TurnOutcome {
  status: MessageStatus;
  content: string;
  citations: Citation[];
  finishReason: ChatFinishReason | null;
  usage: ChatUsage | null;
  error: ChatError | null;
  latency: MessageLatency;
}

const clientWentAway: ChatError = { code: 'ABORTED', message: 'The client disconnected before the answer ended', retryable: false };

/**
 * Follows a turn's events in memory and says, at the end, what to store: the text and sources
 * that arrived, the finish reason and usage, the time to the first text and to the end. Nothing
 * is written per token; the assistant message is written once, when the turn ends.
 */
export class TurnRecorder {
  private text = '';
  private readonly citations: Citation[] = [];
  private firstTokenMs: number | null = null;
  private finish: { reason: ChatFinishReason; usage: ChatUsage } | undefined;
  private error: ChatError | undefined;

  constructor(private readonly startedAt: number = performance.now()) {}

  record(event: ChatStreamEvent): void {
    switch (event.type) {
      case 'text-delta':
        this.firstTokenMs ??= this.elapsed();
        this.text += event.delta;
        break;
      case 'source':
        this.citations.push(toCitation(event.source));
        break;
      case 'finish':
        this.finish = { reason: event.finishReason, usage: event.usage };
        break;
      case 'error': {
        const { type: _type, ...error } = event;
        this.error = error;
        break;
      }
    }
  }

  /**
   * The outcome so far. A turn that ended without `finish` or `error` (its consumer stopped
   * early) and one the client aborted are `incomplete`; any other error is `failed`.
   */
  outcome(): TurnOutcome {
    const latency = { firstTokenMs: this.firstTokenMs, totalMs: this.elapsed() };
    const base = { content: this.text, citations: this.citations, latency };
    if (this.finish && !this.error) {
      return { ...base, status: 'complete', finishReason: this.finish.reason, usage: this.finish.usage, error: null };
    }
    const error = this.error ?? clientWentAway;
    const status = error.code === 'ABORTED' ? 'incomplete' : 'failed';
    return { ...base, status, finishReason: status === 'failed' ? 'error' : null, usage: null, error };
  }

  private elapsed(): number {
    return Math.round(performance.now() - this.startedAt);
  }
}

export function toCitation(source: ChatSource): Citation {
  return {
    id: source.id,
    title: source.title ?? source.id,
    ...(source.url !== undefined && { url: source.url }),
    ...(source.location !== undefined && { location: source.location }),
    ...(source.snippet !== undefined && { snippet: source.snippet }),
  };
}

/** The columns of the assistant message that its outcome sets. */
export type OutcomeColumns = Pick<
  MessagesTable,
  | 'status'
  | 'content'
  | 'citations'
  | 'finishReason'
  | 'errorCode'
  | 'errorMessage'
  | 'inputTokens'
  | 'outputTokens'
  | 'totalTokens'
  | 'usageEstimated'
  | 'firstTokenMs'
  | 'totalMs'
  | 'completedAt'
>;

export function outcomeColumns(outcome: TurnOutcome, completedAt: string): OutcomeColumns {
  return {
    status: outcome.status,
    content: outcome.content,
    citations: JSON.stringify(outcome.citations),
    finishReason: outcome.finishReason,
    errorCode: outcome.error?.code ?? null,
    errorMessage: outcome.error?.message ?? null,
    inputTokens: outcome.usage?.inputTokens ?? null,
    outputTokens: outcome.usage?.outputTokens ?? null,
    totalTokens: outcome.usage?.totalTokens ?? null,
    usageEstimated: outcome.usage ? Number(outcome.usage.estimated) : null,
    firstTokenMs: outcome.latency.firstTokenMs,
    totalMs: outcome.latency.totalMs,
    completedAt,
  };
}
