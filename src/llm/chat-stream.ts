import type { LanguageModelV3, SharedV3ProviderOptions } from '@ai-sdk/provider';
import { stepCountIs, streamText, type ModelMessage, type TextStreamPart, type ToolSet } from 'ai';
import type { ChatStreamEvent, ChatUsage } from './chat-stream-event.js';
import { isPlainTextTurn, streamModelParts, toChatSource, type ModelCallParts, type TurnPart } from './model-call.js';
import { StreamWatchdog } from './stream-watchdog.js';
import { countPromptTokens, countTextTokens } from './token-count.js';
import { classifyUpstreamError } from './upstream-error.js';

export const defaultFirstTokenTimeoutMs = 60_000;
export const defaultIdleTimeoutMs = 30_000;
export const defaultMaxRetries = 2;

export interface ChatTurnRequest {
  model: LanguageModelV3;
  system?: string | undefined;
  messages: ModelMessage[];
  temperature?: number | undefined;
  maxOutputTokens?: number | undefined;
  /** Per-provider options; `docent` carries the offline responder's knowledge. */
  providerOptions?: SharedV3ProviderOptions | undefined;
  /** Tools the model may call; with `maxSteps` above 1, tools that have `execute` are run. */
  tools?: ToolSet | undefined;
  /** Model calls in this turn (each tool round is one); defaults to 1. */
  maxSteps?: number | undefined;
  /** Aborting it (the client went away) stops the upstream request at once. */
  abortSignal?: AbortSignal | undefined;
  firstTokenTimeoutMs?: number | undefined;
  idleTimeoutMs?: number | undefined;
  /** Retries of a rate-limited or failed request, waiting as `retry-after` asks. */
  maxRetries?: number | undefined;
}

/**
 * Runs one assistant turn against any model and streams it as {@link ChatStreamEvent}s that
 * end with exactly one `finish` or `error`. It never throws for upstream trouble: 429 and 5xx
 * answers are retried (honouring `retry-after` and `retry-after-ms`), a silent upstream is cut
 * off by the first-token and idle timeouts, and every failure becomes an `error` event with a
 * code. Leaving the loop early, like aborting, cancels the upstream request so no connection is
 * left streaming into nowhere.
 *
 * A plain text turn (no tools, text-only messages), which is every chat turn today, calls the
 * model directly (see {@link streamModelParts}); a turn with tools goes through the AI SDK's
 * `streamText`, which runs tool rounds. Both give the same events: `streamText`'s machinery
 * (telemetry spans, step bookkeeping, several stream stages per part) was most of a turn's
 * streaming cost and does nothing for a single text step.
 */
export async function* streamChatTurn(request: ChatTurnRequest): AsyncGenerator<ChatStreamEvent, void, undefined> {
  const watchdog = new StreamWatchdog({
    firstTokenTimeoutMs: request.firstTokenTimeoutMs ?? defaultFirstTokenTimeoutMs,
    idleTimeoutMs: request.idleTimeoutMs ?? defaultIdleTimeoutMs,
  });
  const cancellation = new AbortController();
  const failureContext = () => ({ timedOut: watchdog.timedOut, clientAborted: request.abortSignal?.aborted ?? false });
  if (request.abortSignal?.aborted) {
    yield { type: 'error', ...classifyUpstreamError(request.abortSignal.reason, failureContext()) };
    return;
  }
  const call: ModelCallParts = {
    ...request,
    maxRetries: request.maxRetries ?? defaultMaxRetries,
    watchdog,
    abortSignal: AbortSignal.any([watchdog.signal, cancellation.signal, ...(request.abortSignal ? [request.abortSignal] : [])]),
  };
  const parts = isPlainTextTurn(request) ? streamModelParts(call) : streamTextParts(call);

  let outputText = '';
  let ended = false;
  try {
    for await (const part of parts) {
      if (part.type === 'error') {
        ended = true;
        yield { type: 'error', ...classifyUpstreamError(part.error, failureContext()) };
        return;
      }
      if (part.type === 'finish') {
        ended = true;
        const estimate = () => ({ input: countPromptTokens(request.system, request.messages), output: countTextTokens(outputText) });
        yield { type: 'finish', finishReason: part.finishReason, usage: usageOf(part.usage, estimate) };
        return;
      }
      if (part.type === 'text-delta') outputText += part.delta;
      yield part;
    }
  } finally {
    watchdog.stop();
    if (!ended) cancellation.abort();
  }
}

/** A turn with tools, through `streamText`, which runs the tool rounds. */
async function* streamTextParts(call: ModelCallParts): AsyncGenerator<TurnPart, void, undefined> {
  const result = streamText({
    model: call.watchdog.watch(call.model),
    system: call.system,
    messages: call.messages,
    temperature: call.temperature,
    maxOutputTokens: call.maxOutputTokens,
    providerOptions: call.providerOptions,
    tools: call.tools,
    stopWhen: stepCountIs(call.maxSteps ?? 1),
    maxRetries: call.maxRetries,
    abortSignal: call.abortSignal,
    // Failures are reported as `error` events; the SDK's default would also print them.
    onError: () => {},
  });
  for await (const part of result.fullStream) {
    if (part.type === 'error' || part.type === 'abort') {
      yield { type: 'error', error: part.type === 'error' ? part.error : undefined };
      return;
    }
    if (part.type === 'finish') {
      yield { type: 'finish', finishReason: part.finishReason, usage: part.totalUsage };
      return;
    }
    const event = toChatStreamEvent(part);
    if (event) yield event;
  }
}

function toChatStreamEvent(part: TextStreamPart<ToolSet>): Exclude<TurnPart, { type: 'finish' | 'error' }> | undefined {
  switch (part.type) {
    case 'text-delta':
      return part.text ? { type: 'text-delta', delta: part.text } : undefined;
    case 'source':
      return { type: 'source', source: toChatSource(part) };
    case 'tool-call':
      return { type: 'tool-call', toolCallId: part.toolCallId, toolName: part.toolName, input: part.input };
    case 'tool-result':
      return { type: 'tool-result', toolCallId: part.toolCallId, toolName: part.toolName, output: part.output, isError: false };
    case 'tool-error':
      return { type: 'tool-result', toolCallId: part.toolCallId, toolName: part.toolName, output: String(part.error), isError: true };
    default:
      return undefined;
  }
}

function usageOf(
  usage: { inputTokens: number | undefined; outputTokens: number | undefined },
  estimate: () => { input: number; output: number },
): ChatUsage {
  if (usage.inputTokens !== undefined && usage.outputTokens !== undefined) {
    return { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, totalTokens: usage.inputTokens + usage.outputTokens, estimated: false };
  }
  const { input, output } = estimate();
  const inputTokens = usage.inputTokens ?? input;
  const outputTokens = usage.outputTokens ?? output;
  return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens, estimated: true };
}
