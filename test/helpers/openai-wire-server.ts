import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countTextTokens } from '../../src/llm/token-count.js';

/**
 * A loopback server that speaks OpenAI's chat-completions wire protocol byte for byte, so the
 * AI SDK providers are tested against real HTTP rather than in-process stubs. Each request
 * takes the next scripted step (a reply, a failure, a hang); with none left it replies
 * with `defaultText`. Every request is recorded for assertions on headers and body.
 */

export interface ScriptedToolCall {
  id: string;
  name: string;
  /** JSON-encoded arguments, streamed in a few pieces. */
  arguments: string;
}

export type OpenAiScriptStep =
  | { kind: 'reply'; text?: string; toolCalls?: ScriptedToolCall[]; stallAfterChunks?: number; omitUsage?: boolean }
  | { kind: 'fail'; status: number; retryAfter?: string; message?: string }
  | { kind: 'hang' };

export interface ChatCompletionRequestBody {
  model: string;
  messages: { role: string; content: unknown; tool_calls?: unknown[] }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  tools?: { type: string; function: { name: string; parameters?: unknown } }[];
  temperature?: number;
  max_tokens?: number;
  [field: string]: unknown;
}

export interface RecordedRequest<Body = unknown> {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Body;
}

export interface OpenAiWireServer {
  /** Base URL including `/v1`, as providers take it. */
  baseUrl: string;
  requests: RecordedRequest<ChatCompletionRequestBody>[];
  script(...steps: OpenAiScriptStep[]): void;
  /** Resolves once `count` responses have been closed by the client before they finished. */
  waitForDisconnects(count?: number): Promise<void>;
  close(): Promise<void>;
}

export interface OpenAiWireServerOptions {
  /** When set, requests without `Authorization: Bearer <apiKey>` get a 401. */
  apiKey?: string;
  models?: string[];
  defaultText?: string;
}

export async function startOpenAiWireServer(options: OpenAiWireServerOptions = {}): Promise<OpenAiWireServer> {
  const steps: OpenAiScriptStep[] = [];
  const requests: RecordedRequest<ChatCompletionRequestBody>[] = [];
  const disconnects = new DisconnectCounter();
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const body = (rawBody ? JSON.parse(rawBody) : {}) as ChatCompletionRequestBody;
    const path = request.url ?? '/';
    requests.push({ method: request.method ?? 'GET', path, headers: request.headers, body });
    disconnects.watch(response);
    if (options.apiKey && request.headers.authorization !== `Bearer ${options.apiKey}`) {
      return sendError(response, 401, 'Incorrect API key provided', 'invalid_request_error');
    }
    if (request.method === 'GET' && path === '/v1/models') return sendModels(response, options.models ?? ['gpt-4o-mini']);
    if (request.method !== 'POST' || path !== '/v1/chat/completions') return sendError(response, 404, `Unknown route ${path}`, 'invalid_request_error');

    const step = steps.shift() ?? { kind: 'reply', text: options.defaultText ?? 'Hello from the wire server.' };
    if (step.kind === 'hang') return;
    if (step.kind === 'fail') {
      if (step.retryAfter) response.setHeader('retry-after', step.retryAfter);
      return sendError(response, step.status, step.message ?? `Scripted failure ${step.status}`, errorTypeOf(step.status));
    }
    const completion = completionOf(body, step);
    if (body.stream) return streamCompletion(response, completion, body.stream_options?.include_usage === true, step);
    sendJson(response, 200, {
      id: completion.id,
      object: 'chat.completion',
      created: completion.created,
      model: body.model,
      choices: [{ index: 0, message: messageOf(step), finish_reason: completion.finishReason, logprobs: null }],
      ...(!step.omitUsage && { usage: completion.usage }),
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...scripted) => void steps.push(...scripted),
    waitForDisconnects: (count = 1) => disconnects.waitFor(count),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

interface Completion {
  id: string;
  created: number;
  model: string;
  finishReason: 'stop' | 'tool_calls';
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

function completionOf(body: ChatCompletionRequestBody, step: Extract<OpenAiScriptStep, { kind: 'reply' }>): Completion {
  const promptTokens = countTextTokens(body.messages.map((message) => JSON.stringify(message.content)).join('\n'));
  const completionTokens = countTextTokens((step.text ?? '') + (step.toolCalls ?? []).map((call) => call.arguments).join(''));
  return {
    id: 'chatcmpl-wire-1',
    created: Math.floor(Date.now() / 1000),
    model: body.model,
    finishReason: step.toolCalls?.length ? 'tool_calls' : 'stop',
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

function messageOf(step: Extract<OpenAiScriptStep, { kind: 'reply' }>): Record<string, unknown> {
  return {
    role: 'assistant',
    content: step.text ?? null,
    ...(step.toolCalls?.length && {
      tool_calls: step.toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })),
    }),
  };
}

/** SSE chunks: role, content deltas, tool-call deltas, finish reason, optional usage, `[DONE]`. */
function streamCompletion(
  response: ServerResponse,
  completion: Completion,
  includeUsage: boolean,
  step: Extract<OpenAiScriptStep, { kind: 'reply' }>,
): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    ({ id: completion.id, object: 'chat.completion.chunk', created: completion.created, model: completion.model, choices, ...extra });
  const delta = (content: Record<string, unknown>, finishReason: string | null = null) =>
    chunk([{ index: 0, delta: content, finish_reason: finishReason, logprobs: null }]);

  const chunks: unknown[] = [delta({ role: 'assistant', content: '' })];
  for (const piece of (step.text ?? '').match(/\S+\s*/g) ?? []) chunks.push(delta({ content: piece }));
  (step.toolCalls ?? []).forEach((call, index) => {
    chunks.push(delta({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
    for (const piece of call.arguments.match(/.{1,8}/gs) ?? []) chunks.push(delta({ tool_calls: [{ index, function: { arguments: piece } }] }));
  });
  chunks.push(delta({}, completion.finishReason));
  if (includeUsage && !step.omitUsage) chunks.push(chunk([], { usage: completion.usage }));

  const sent = step.stallAfterChunks === undefined ? chunks : chunks.slice(0, step.stallAfterChunks);
  for (const data of sent) response.write(`data: ${JSON.stringify(data)}\n\n`);
  if (sent.length === chunks.length) response.end('data: [DONE]\n\n');
}

function sendModels(response: ServerResponse, models: string[]): void {
  sendJson(response, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'wire-server' })) });
}

function errorTypeOf(status: number): string {
  if (status === 429) return 'rate_limit_exceeded';
  return status >= 500 ? 'server_error' : 'invalid_request_error';
}

function sendError(response: ServerResponse, status: number, message: string, type: string): void {
  sendJson(response, status, { error: { message, type, param: null, code: null } });
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

export async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

/** Counts responses the client closed before the server finished them (an aborted request). */
export class DisconnectCounter {
  private count = 0;
  private waiters: { count: number; resolve: () => void }[] = [];

  watch(response: ServerResponse): void {
    response.on('close', () => {
      if (response.writableFinished) return;
      this.count++;
      this.waiters = this.waiters.filter((waiter) => (waiter.count <= this.count ? (waiter.resolve(), false) : true));
    });
  }

  waitFor(count: number): Promise<void> {
    if (this.count >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}
