/** One server-sent event: its name (`message` when the server gave none) and its parsed JSON data. */
export interface ServerSentEvent {
  event: string;
  data: unknown;
}

/**
 * Reads a `text/event-stream` response body event by event, as the bytes arrive, so a streamed
 * answer can be shown token by token. Comments and events without data are skipped.
 */
export async function* readServerSentEvents(response: Response): AsyncGenerator<ServerSentEvent> {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value.replace(/\r\n?/g, '\n');
    let boundary = buffer.indexOf('\n\n');
    while (boundary !== -1) {
      const parsed = parseEvent(buffer.slice(0, boundary));
      if (parsed) yield parsed;
      buffer = buffer.slice(boundary + 2);
      boundary = buffer.indexOf('\n\n');
    }
  }
}

function parseEvent(block: string): ServerSentEvent | undefined {
  let event = 'message';
  const dataLines: string[] = [];
  for (const line of block.split('\n')) {
    const separator = line.indexOf(':');
    if (separator === 0) continue;
    const field = separator === -1 ? line : line.slice(0, separator);
    const value = separator === -1 ? '' : line.slice(separator + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') dataLines.push(value);
  }
  if (dataLines.length === 0) return undefined;
  const text = dataLines.join('\n');
  try {
    return { event, data: JSON.parse(text) };
  } catch {
    return { event, data: text };
  }
}
