import type { TestApp } from '../helpers/test-app.js';

/** One streamed event as the client parsed it: its wire name and its JSON payload. */
export interface WireEvent {
  type: string;
  [field: string]: any;
}

/** Parses an SSE body, checking each event's `event:` name matches its payload's `type`. */
export function parseSse(body: string): WireEvent[] {
  return body
    .split('\n\n')
    .filter((block) => block.trim())
    .map((block) => {
      const name = /^event: (.+)$/m.exec(block)?.[1];
      const data = /^data: (.+)$/m.exec(block)?.[1];
      if (!name || !data) throw new Error(`malformed SSE event: ${block}`);
      const event = JSON.parse(data) as WireEvent;
      if (event.type !== name) throw new Error(`event name ${name} does not match type ${event.type}`);
      return event;
    });
}

export function parseNdjson(body: string): WireEvent[] {
  return body
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as WireEvent);
}

export function textOf(events: WireEvent[]): string {
  return events.map((event) => (event.type === 'text-delta' ? event.delta : '')).join('');
}

/** Real HTTP against the app listening on loopback, as streaming needs. */
export async function listen(t: TestApp): Promise<string> {
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return `${address}/api/v1`;
}

export async function postJson(
  url: string,
  token: string,
  body: object,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    signal,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });
}
