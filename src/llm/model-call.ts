import {
  APICallError,
  type LanguageModelV3CallOptions,
  type LanguageModelV3Prompt,
  type LanguageModelV3Source,
  type LanguageModelV3StreamPart,
  type SharedV3Warning,
} from '@ai-sdk/provider';
import { retryWithExponentialBackoff } from '@ai-sdk/provider-utils';
import { RetryError } from 'ai';
import type { ChatFinishReason, ChatSource, ChatStreamEvent } from './chat-stream-event.js';
import type { ChatTurnRequest } from './chat-stream.js';
import type { StreamWatchdog } from './stream-watchdog.js';

/** What a model call streams before it is turned into events: content, then one end. */
export type TurnPart =
  | Exclude<ChatStreamEvent, { type: 'finish' | 'error' }>
  | { type: 'finish'; finishReason: ChatFinishReason; usage: { inputTokens: number | undefined; outputTokens: number | undefined } }
  | { type: 'error'; error: unknown };

/** A turn's request with its retries settled and its watchdog and combined abort signal. */
export interface ModelCallParts extends ChatTurnRequest {
  maxRetries: number;
  watchdog: StreamWatchdog;
  abortSignal: AbortSignal;
}

/** The AI SDK's retry timing: 2 s, then twice as long each time, unless the upstream says. */
const initialRetryDelayMs = 2_000;
const retryBackoffFactor = 2;

/** A turn the model can answer in one call: no tools, and messages that are plain text. */
export function isPlainTextTurn(request: ChatTurnRequest): boolean {
  if (request.tools && Object.keys(request.tools).length > 0) return false;
  return (
    request.messages.length > 0 &&
    request.messages.every(
      (message) => (message.role === 'user' || message.role === 'assistant') && typeof message.content === 'string' && !message.providerOptions,
    )
  );
}

/**
 * One streamed model call, driven through the provider's `doStream` as `streamText` would for a
 * single text step, with the same guarantees: the call (until the response starts) is retried
 * on retryable failures, waiting as `retry-after-ms` or `retry-after` asks; each attempt runs on
 * the watchdog's first-token clock and every part read restarts its idle clock; the prompt is
 * the one `streamText` builds. Failures end the parts with an `error` part, never a throw.
 */
export async function* streamModelParts(call: ModelCallParts): AsyncGenerator<TurnPart, void, undefined> {
  const options: LanguageModelV3CallOptions = {
    prompt: toLanguageModelPrompt(call),
    maxOutputTokens: call.maxOutputTokens,
    temperature: call.temperature,
    providerOptions: call.providerOptions,
    abortSignal: call.abortSignal,
  };
  const retry = retryWithExponentialBackoff({
    maxRetries: call.maxRetries,
    initialDelayInMs: initialRetryDelayMs,
    backoffFactor: retryBackoffFactor,
    abortSignal: call.abortSignal,
    shouldRetry: async (error) => APICallError.isInstance(error) && error.isRetryable,
    getDelayInMs: ({ error, exponentialBackoffDelay }) => retryDelayMs(error, exponentialBackoffDelay),
    createRetryError: (details) => new RetryError(details),
  });
  let reader: ReadableStreamDefaultReader<LanguageModelV3StreamPart>;
  try {
    const { stream } = await retry(() => call.watchdog.attempt(() => call.model.doStream(options)));
    reader = stream.getReader();
  } catch (error) {
    yield { type: 'error', error };
    return;
  }
  let done = false;
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (error) {
        done = true;
        yield { type: 'error', error };
        return;
      }
      if (next.done) {
        done = true;
        return;
      }
      const part = next.value;
      call.watchdog.observe(part);
      switch (part.type) {
        case 'stream-start':
          reportWarnings(part.warnings, call);
          break;
        case 'text-delta':
          if (part.delta) yield { type: 'text-delta', delta: part.delta };
          break;
        case 'source':
          yield { type: 'source', source: toChatSource(part) };
          break;
        case 'finish':
          done = true;
          yield {
            type: 'finish',
            finishReason: part.finishReason.unified,
            usage: { inputTokens: part.usage.inputTokens.total, outputTokens: part.usage.outputTokens.total },
          };
          return;
        case 'error':
          done = true;
          yield { type: 'error', error: part.error };
          return;
      }
    }
  } finally {
    // The consumer left early: stop reading, which closes the upstream response.
    if (!done) reader.cancel().catch(() => {});
  }
}

/** URL sources carry their URL; document sources carry Docent's details in provider metadata. */
export function toChatSource(part: LanguageModelV3Source): ChatSource {
  const details = part.providerMetadata?.docent ?? {};
  const detail = (key: string): string | undefined => (typeof details[key] === 'string' ? details[key] : undefined);
  const url = part.sourceType === 'url' ? part.url : detail('url');
  const location = detail('location');
  const snippet = detail('snippet');
  return {
    id: part.id,
    ...(part.title !== undefined && { title: part.title }),
    ...(url !== undefined && { url }),
    ...(location !== undefined && { location }),
    ...(snippet !== undefined && { snippet }),
  };
}

/** The prompt `streamText` sends for a system prompt and plain text messages. */
function toLanguageModelPrompt(call: ModelCallParts): LanguageModelV3Prompt {
  const prompt: LanguageModelV3Prompt = call.system === undefined ? [] : [{ role: 'system', content: call.system }];
  for (const message of call.messages) {
    if ((message.role === 'user' || message.role === 'assistant') && typeof message.content === 'string') {
      prompt.push({ role: message.role, content: [{ type: 'text', text: message.content }] });
    }
  }
  return prompt;
}

/** The AI SDK's reading of `retry-after-ms` and `retry-after`: honoured up to a minute. */
function retryDelayMs(error: unknown, exponentialBackoffDelay: number): number {
  const headers = APICallError.isInstance(error) ? error.responseHeaders : undefined;
  if (!headers) return exponentialBackoffDelay;
  let delayMs: number | undefined;
  const retryAfterMs = headers['retry-after-ms'];
  if (retryAfterMs) {
    const milliseconds = parseFloat(retryAfterMs);
    if (!Number.isNaN(milliseconds)) delayMs = milliseconds;
  }
  const retryAfter = headers['retry-after'];
  if (retryAfter && delayMs === undefined) {
    const seconds = parseFloat(retryAfter);
    delayMs = Number.isNaN(seconds) ? Date.parse(retryAfter) - Date.now() : seconds * 1000;
  }
  if (delayMs !== undefined && !Number.isNaN(delayMs) && delayMs >= 0 && (delayMs < 60_000 || delayMs < exponentialBackoffDelay)) {
    return delayMs;
  }
  return exponentialBackoffDelay;
}

interface SdkWarningsLogger {
  (report: { warnings: SharedV3Warning[]; provider: string; model: string }): void;
}

/** Unsupported settings go where the AI SDK sends its warnings, when the app has routed them. */
function reportWarnings(warnings: SharedV3Warning[], call: ModelCallParts): void {
  const logger = (globalThis as { AI_SDK_LOG_WARNINGS?: unknown }).AI_SDK_LOG_WARNINGS;
  if (warnings.length > 0 && typeof logger === 'function') {
    (logger as SdkWarningsLogger)({ warnings, provider: call.model.provider, model: call.model.modelId });
  }
}
