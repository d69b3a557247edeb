import type { ChatStreamEvent } from '../../src/llm/chat-stream-event.js';

/** Drains a chat turn into an array of its events. */
export async function collectEvents(stream: AsyncIterable<ChatStreamEvent>): Promise<ChatStreamEvent[]> {
  const events: ChatStreamEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

export function textOf(events: readonly ChatStreamEvent[]): string {
  return events.map((event) => (event.type === 'text-delta' ? event.delta : '')).join('');
}

export function lastEvent(events: readonly ChatStreamEvent[]): ChatStreamEvent | undefined {
  return events.at(-1);
}
