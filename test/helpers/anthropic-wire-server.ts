import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { countTextTokens } from '../../src/llm/token-count.js';
import { DisconnectCounter, readBody, sendJson, type RecordedRequest } from './openai-wire-server.js';

/**
 * A loopback server that speaks Anthropic's Messages API: `POST /v1/messages` as JSON or as
 * the SSE event sequence (message_start, content_block_start, ping, content_block_delta,
 * content_block_stop, message_delta with usage, message_stop), and a paginated
 * `GET /v1/models`. Requests are recorded and can be scripted to fail or hang.
 */

export type AnthropicScriptStep =
  | { kind: 'reply'; text: string; stallAfterEvents?: number }
  | { kind: 'fail'; status: number; retryAfter?: string }
  | { kind: 'hang' };

export interface MessagesRequestBody {
  model: string;
  max_tokens: number;
  system?: unknown;
  messages: { role: string; content: unknown }[];
  stream?: boolean;
  [field: string]: unknown;
}

export interface AnthropicWireServer {
  /** Base URL including `/v1`, as providers take it. */
  baseUrl: string;
  requests: RecordedRequest<MessagesRequestBody>[];
  script(...steps: AnthropicScriptStep[]): void;
  waitForDisconnects(count?: number): Promise<void>;
  close(): Promise<void>;
}

export interface AnthropicWireServerOptions {
  /** When set, requests without `x-api-key: <apiKey>` get a 401. */
  apiKey?: string;
  models?: { id: string; displayName: string }[];
  defaultText?: string;
}

export async function startAnthropicWireServer(options: AnthropicWireServerOptions = {}): Promise<AnthropicWireServer> {
  const steps: AnthropicScriptStep[] = [];
  const requests: RecordedRequest<MessagesRequestBody>[] = [];
  const disconnects = new DisconnectCounter();
  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500).end(String(error));
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const body = (rawBody ? JSON.parse(rawBody) : {}) as MessagesRequestBody;
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: request.method ?? 'GET', path: `${url.pathname}${url.search}`, headers: request.headers, body });
    disconnects.watch(response);
    if (options.apiKey && request.headers['x-api-key'] !== options.apiKey) return sendError(response, 401, 'authentication_error', 'invalid x-api-key');
    if (!request.headers['anthropic-version']) return sendError(response, 400, 'invalid_request_error', 'anthropic-version header is required');
    if (request.method === 'GET' && url.pathname === '/v1/models') return sendModels(response, url, options.models ?? defaultModels);
    if (request.method !== 'POST' || url.pathname !== '/v1/messages') return sendError(response, 404, 'not_found_error', `Unknown route ${url.pathname}`);

    const step = steps.shift() ?? { kind: 'reply', text: options.defaultText ?? 'Hello from Claude on the wire.' };
    if (step.kind === 'hang') return;
    if (step.kind === 'fail') {
      if (step.retryAfter) response.setHeader('retry-after', step.retryAfter);
      return sendError(response, step.status, step.status === 429 ? 'rate_limit_error' : 'api_error', `Scripted failure ${step.status}`);
    }
    const inputTokens = countTextTokens(JSON.stringify(body.system ?? '') + JSON.stringify(body.messages));
    const outputTokens = countTextTokens(step.text);
    if (!body.stream) {
      return sendJson(response, 200, {
        id: 'msg_wire_1',
        type: 'message',
        role: 'assistant',
        model: body.model,
        content: [{ type: 'text', text: step.text }],
        stop_reason: 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: inputTokens, output_tokens: outputTokens },
      });
    }
    streamMessage(response, body.model, step, inputTokens, outputTokens);
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

const defaultModels = [
  { id: 'claude-sonnet-4-5', displayName: 'Claude Sonnet 4.5' },
  { id: 'claude-haiku-4-5', displayName: 'Claude Haiku 4.5' },
];

function streamMessage(
  response: ServerResponse,
  model: string,
  step: Extract<AnthropicScriptStep, { kind: 'reply' }>,
  inputTokens: number,
  outputTokens: number,
): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const events: [string, unknown][] = [
    ['message_start', {
      type: 'message_start',
      message: {
        id: 'msg_wire_1', type: 'message', role: 'assistant', model, content: [],
        stop_reason: null, stop_sequence: null, usage: { input_tokens: inputTokens, output_tokens: 1 },
      },
    }],
    ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
    ['ping', { type: 'ping' }],
    ...(step.text.match(/\S+\s*/g) ?? []).map((text): [string, unknown] =>
      ['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }]),
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    ['message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: outputTokens } }],
    ['message_stop', { type: 'message_stop' }],
  ];
  const sent = step.stallAfterEvents === undefined ? events : events.slice(0, step.stallAfterEvents);
  for (const [event, data] of sent) response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  if (sent.length === events.length) response.end();
}

/** Pages with `limit` and `after_id` like the real endpoint. */
function sendModels(response: ServerResponse, url: URL, models: { id: string; displayName: string }[]): void {
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const afterId = url.searchParams.get('after_id');
  const start = afterId ? models.findIndex((model) => model.id === afterId) + 1 : 0;
  const page = models.slice(start, start + limit);
  sendJson(response, 200, {
    data: page.map((model) => ({ type: 'model', id: model.id, display_name: model.displayName, created_at: '2025-09-29T00:00:00Z' })),
    has_more: start + limit < models.length,
    first_id: page[0]?.id ?? null,
    last_id: page.at(-1)?.id ?? null,
  });
}

function sendError(response: ServerResponse, status: number, type: string, message: string): void {
  sendJson(response, status, { type: 'error', error: { type, message } });
}
