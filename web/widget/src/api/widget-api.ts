import { readEventStream } from './event-stream.js';
import { errorFromResponse, WidgetApiError } from './widget-api-error.js';
import type { ChatMessage, ConversationSummary, StreamEvent, WidgetConfig } from './types.js';

/**
 * The widget API of one Docent server, for one publishable key. The key rides in the query so
 * the server can check it, and the page's origin, on CORS preflights too.
 */
export class WidgetApi {
  constructor(
    private readonly baseUrl: string,
    private readonly key: string,
  ) {}

  config(): Promise<WidgetConfig> {
    return this.json('GET', '/config');
  }

  async startVisitor(): Promise<string> {
    return (await this.json<{ visitorToken: string }>('POST', '/visitors')).visitorToken;
  }

  conversations(visitorToken: string): Promise<ConversationSummary[]> {
    return this.json('GET', '/conversations', { visitorToken });
  }

  messages(visitorToken: string, conversationId: string): Promise<ChatMessage[]> {
    return this.json('GET', `/conversations/${encodeURIComponent(conversationId)}/messages`, { visitorToken });
  }

  /** Sends a question and yields the answer's events as they stream in. */
  async *send(
    visitorToken: string,
    input: { message: string; conversationId: string | null },
  ): AsyncGenerator<StreamEvent> {
    const body = { message: input.message, ...(input.conversationId && { conversationId: input.conversationId }) };
    const response = await this.fetch('POST', '/messages', { visitorToken, body, accept: 'text/event-stream' });
    if (!response.body) throw new WidgetApiError(0, 'NETWORK_ERROR', 'The answer did not arrive');
    for await (const { event, data } of readEventStream(response.body)) {
      yield { ...(data as object), type: event } as StreamEvent;
    }
  }

  private async json<Data>(method: string, path: string, options: { visitorToken?: string } = {}): Promise<Data> {
    const response = await this.fetch(method, path, { ...options, accept: 'application/json' });
    return ((await response.json()) as { data: Data }).data;
  }

  private async fetch(
    method: string,
    path: string,
    options: { visitorToken?: string | undefined; body?: unknown; accept: string },
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: options.accept };
    if (options.visitorToken) headers['x-visitor-token'] = options.visitorToken;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}/api/widget/v1${path}?key=${encodeURIComponent(this.key)}`, {
        method,
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        credentials: 'omit',
        mode: 'cors',
      });
    } catch {
      throw new WidgetApiError(0, 'NETWORK_ERROR', 'The chat server could not be reached from this page');
    }
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }
}
