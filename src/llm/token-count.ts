import type { ModelMessage } from 'ai';
import { countTokens, decode, encode } from 'gpt-tokenizer';

/** Per-message framing tokens (role markers and separators) in OpenAI's chat format. */
const messageOverheadTokens = 4;

/**
 * Counts tokens with the o200k encoding. Exact for current OpenAI models and a close estimate
 * for other providers, which is what budgets and offline usage figures need. Special-token text
 * such as `<|endoftext|>` in user input is counted as ordinary text instead of throwing.
 */
export function countTextTokens(text: string): number {
  if (text.length === 0) return 0;
  return countTokens(text, { disallowedSpecial: new Set() });
}

type MessagePart = Exclude<ModelMessage['content'], string>[number];

function textOfPart(part: MessagePart): string {
  switch (part.type) {
    case 'text':
    case 'reasoning':
      return part.text;
    case 'image':
    case 'file':
      // Attachments are priced differently by each provider; a placeholder keeps binary data out.
      return '[attachment]';
    default:
      return JSON.stringify(part);
  }
}

/** The text a model reads from one message: text parts verbatim, tool parts as JSON. */
export function textOfMessage(message: ModelMessage): string {
  if (typeof message.content === 'string') return message.content;
  return message.content.map(textOfPart).join('\n');
}

export function countMessageTokens(message: ModelMessage): number {
  return messageOverheadTokens + countTextTokens(textOfMessage(message));
}

/** Tokens of a whole prompt: the system prompt plus every message with its framing. */
export function countPromptTokens(system: string | undefined, messages: readonly ModelMessage[]): number {
  const systemTokens = system ? messageOverheadTokens + countTextTokens(system) : 0;
  return messages.reduce((total, message) => total + countMessageTokens(message), systemTokens);
}

/** Cuts text to at most `maximumTokens` tokens; returns it unchanged when it already fits. */
export function truncateToTokens(text: string, maximumTokens: number): { text: string; truncated: boolean } {
  const tokens = encode(text, { disallowedSpecial: new Set() });
  if (tokens.length <= maximumTokens) return { text, truncated: false };
  return { text: decode(tokens.slice(0, Math.max(0, maximumTokens))), truncated: true };
}
