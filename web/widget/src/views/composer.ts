import { h, icon } from '../dom.js';
import { sendIcon } from '../icons.js';

export const maxMessageLength = 4000;

/** The message box: Enter sends, Shift+Enter starts a new line, and it grows up to a few lines. */
export class Composer {
  readonly element: HTMLFormElement;
  readonly input: HTMLTextAreaElement;
  private readonly send: HTMLButtonElement;

  constructor(onSubmit: (text: string) => void) {
    this.input = h('textarea', {
      id: 'docent-input',
      rows: '1',
      placeholder: 'Ask a question…',
      maxlength: String(maxMessageLength),
      autocomplete: 'off',
    });
    this.send = h('button', { type: 'submit', class: 'send', 'aria-label': 'Send message' }, icon(sendIcon));
    this.element = h(
      'form',
      { class: 'composer' },
      h('label', { class: 'sr-only', for: 'docent-input' }, 'Your message'),
      this.input,
      this.send,
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      const text = this.input.value.trim();
      if (text && !this.send.disabled) onSubmit(text);
    });
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.element.requestSubmit();
      }
    });
    this.input.addEventListener('input', () => this.fit());
  }

  setEnabled(enabled: boolean): void {
    this.send.disabled = !enabled;
  }

  setAvailable(available: boolean): void {
    this.input.disabled = !available;
    this.send.disabled = !available;
  }

  take(): void {
    this.input.value = '';
    this.fit();
  }

  restore(text: string): void {
    if (!this.input.value) this.input.value = text;
    this.fit();
  }

  private fit(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, 120)}px`;
  }
}
