import { h, icon } from '../dom.js';
import { chatIcon, closeIcon } from '../icons.js';

/** The floating button that opens and closes the panel; it says which it will do. */
export class Launcher {
  readonly element: HTMLButtonElement;
  private readonly label: HTMLElement;
  private text = 'Chat with us';

  constructor(onToggle: () => void) {
    this.label = h('span', { class: 'launcher-text' }, this.text);
    this.element = h('button', { type: 'button', class: 'launcher', 'aria-controls': 'docent-panel', 'aria-expanded': 'false' });
    this.element.addEventListener('click', onToggle);
    this.setOpen(false);
  }

  setText(text: string): void {
    this.text = text;
    this.label.textContent = text;
  }

  setOpen(open: boolean): void {
    this.element.setAttribute('aria-expanded', String(open));
    this.element.setAttribute('aria-label', open ? 'Close chat' : this.text);
    this.element.replaceChildren(icon(open ? closeIcon : chatIcon), this.label);
  }

  focus(): void {
    this.element.focus();
  }
}
