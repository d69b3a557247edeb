import { h } from '../dom.js';
import { renderRichText } from '../rich-text.js';

/** The assistant's greeting and one-click starter questions, shown before the first message. */
export function greetingView(greeting: string, questions: string[], onPick: (question: string) => void): HTMLElement[] {
  const parts: HTMLElement[] = [];
  if (greeting.trim()) parts.push(h('div', { class: 'message assistant' }, renderRichText(greeting)));
  if (questions.length > 0) {
    const group = h('div', { class: 'suggestions', role: 'group', 'aria-label': 'Suggested questions' });
    for (const question of questions) {
      const button = h('button', { type: 'button', class: 'suggestion' }, question);
      button.addEventListener('click', () => onPick(question));
      group.append(button);
    }
    parts.push(group);
  }
  return parts;
}
