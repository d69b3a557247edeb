import type { ApiResponse, TestApp } from '../helpers/test-app.js';

export const allowedOrigin = 'https://shop.example';

/** An assistant the built-in offline responder can answer from its examples. */
export const returnsAssistant = {
  name: 'Returns helper',
  greeting: 'Hi! Ask me about returns.',
  suggestedQuestions: ['How long do I have to return an item?'],
  examples: [{ question: 'How long do I have to return an item?', answer: 'You have 30 days to return an item.' }],
};

export async function createChatbot(t: TestApp, token: string, body: object = returnsAssistant): Promise<string> {
  const response = await t.request('POST', '/api/v1/chatbots', { token, body });
  if (response.status !== 201) throw new Error(`chatbot creation failed: ${response.text}`);
  return response.body.data.chatbot.id as string;
}

export async function createWidgetKey(t: TestApp, token: string, chatbotId: string, allowedOrigins = [allowedOrigin]) {
  const response = await t.request('POST', `/api/v1/chatbots/${chatbotId}/widget-keys`, { token, body: { allowedOrigins } });
  if (response.status !== 201) throw new Error(`widget key creation failed: ${response.text}`);
  return response.body.data.widgetKey as { id: string; key: string; allowedOrigins: string[] };
}

/** A call to the widget API as a page on `origin` would make it. */
export function widgetRequest(
  t: TestApp,
  method: string,
  path: string,
  options: { key?: string; origin?: string | null; visitorToken?: string; body?: unknown; headers?: Record<string, string> },
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const origin = options.origin === undefined ? allowedOrigin : options.origin;
  if (origin) headers.origin = origin;
  if (options.visitorToken) headers['x-visitor-token'] = options.visitorToken;
  const query = options.key ? `?key=${encodeURIComponent(options.key)}` : '';
  return t.request(method, `/api/widget/v1${path}${query}`, { headers, body: options.body });
}

export async function startVisitor(t: TestApp, key: string, origin = allowedOrigin): Promise<string> {
  const response = await widgetRequest(t, 'POST', '/visitors', { key, origin });
  if (response.status !== 201) throw new Error(`visitor creation failed: ${response.text}`);
  return response.body.data.visitorToken as string;
}

export interface StreamedEvent {
  event: string;
  data: any;
}

/** The events of a Server-Sent Events body. */
export function parseEvents(text: string): StreamedEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.+)$/m.exec(block)?.[1] ?? 'message';
      const data = /^data: (.+)$/m.exec(block)?.[1];
      return { event, data: data ? JSON.parse(data) : undefined };
    });
}

/** Sends a question as a visitor and returns the streamed events and the answer's text. */
export async function ask(t: TestApp, key: string, visitorToken: string, message: string, conversationId?: string) {
  const response = await widgetRequest(t, 'POST', '/messages', {
    key,
    visitorToken,
    body: { message, ...(conversationId && { conversationId }) },
  });
  const events = response.status === 200 ? parseEvents(response.text) : [];
  const text = events.filter((event) => event.event === 'text-delta').map((event) => event.data.delta).join('');
  const start = events.find((event) => event.event === 'message-start')?.data;
  return { response, events, text, conversationId: start?.conversationId as string | undefined };
}
