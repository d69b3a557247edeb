/**
 * The lines of a text arriving in pieces, a batch per piece: the same lines as
 * `text.replace(/\r\n?/g, '\n').split('\n')` gives for the whole text (so the last line may be
 * empty). Only the line still being read is carried between pieces; a `\r` ending a piece waits
 * for the next, which may start with the `\n` of the same line break.
 */
export async function* textLines(pieces: AsyncIterable<string>): AsyncGenerator<string[]> {
  let carried = '';
  for await (const piece of pieces) {
    let text = carried + piece;
    const heldReturn = text.endsWith('\r');
    if (heldReturn) text = text.slice(0, -1);
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    carried = (lines.pop() ?? '') + (heldReturn ? '\r' : '');
    if (lines.length > 0) yield lines;
  }
  yield carried.replace(/\r\n?/g, '\n').split('\n');
}

/** {@link textLines} for a text already whole. */
export function linesOf(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split('\n');
}
