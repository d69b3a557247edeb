/** Longest title taken from a first question, in characters. */
export const maximumTitleLength = 60;

/**
 * A conversation's title, taken from its first question with no model call: whitespace
 * collapsed, and a question longer than {@link maximumTitleLength} cut at the last word boundary
 * that fits (mid-word only when a single word is that long), with an ellipsis.
 */
export function titleFromQuestion(question: string): string {
  const text = question.replace(/\s+/g, ' ').trim();
  if (text.length <= maximumTitleLength) return text;
  const room = maximumTitleLength - 1;
  const cut = text.slice(0, room + 1);
  const boundary = cut.lastIndexOf(' ');
  const kept = boundary > 0 ? cut.slice(0, boundary) : text.slice(0, room);
  return `${kept.replace(/[\s,.;:!?-]+$/, '')}…`;
}
