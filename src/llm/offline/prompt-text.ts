import type { LanguageModelV3Message, LanguageModelV3Prompt } from '@ai-sdk/provider';

function textOf(message: LanguageModelV3Message): string {
  if (typeof message.content === 'string') return message.content;
  return message.content
    .map((part) => (part.type === 'text' || part.type === 'reasoning' ? part.text : ''))
    .filter(Boolean)
    .join('\n');
}

/** The question to answer: the text of the last user message (an empty string if there is none). */
export function lastUserText(prompt: LanguageModelV3Prompt): string {
  const message = prompt.findLast((candidate) => candidate.role === 'user');
  return message ? textOf(message) : '';
}

/** All text the prompt holds, for estimating input tokens. */
export function promptText(prompt: LanguageModelV3Prompt): string {
  return prompt.map(textOf).join('\n');
}
