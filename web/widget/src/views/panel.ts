import type { Appearance } from '../api/types.js';
import { h, icon } from '../dom.js';
import { closeIcon, restartIcon } from '../icons.js';
import { Composer } from './composer.js';
import type { MessageView } from './message-view.js';

export interface PanelActions {
  send(text: string): void;
  close(): void;
  restart(): void;
}

/**
 * The chat panel: header, conversation, a notice line for problems, and the composer. It is a
 * non-modal dialog; the conversation's answers are announced through a polite live region once
 * complete, so screen readers do not read every streamed fragment.
 */
export class Panel {
  readonly element: HTMLElement;
  readonly composer: Composer;
  private readonly header: HTMLElement;
  private readonly messages: HTMLElement;
  private readonly notice: HTMLElement;
  private readonly live: HTMLElement;
  private readonly closeButton: HTMLButtonElement | null;

  constructor(
    private readonly actions: PanelActions,
    options: { closable: boolean },
  ) {
    this.composer = new Composer(actions.send);
    this.closeButton = options.closable
      ? h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Close chat' }, icon(closeIcon))
      : null;
    this.closeButton?.addEventListener('click', () => actions.close());
    this.header = h('header', { class: 'header' });
    this.messages = h('div', { class: 'messages', tabindex: '0', role: 'region', 'aria-label': 'Conversation' });
    this.notice = h('p', { class: 'notice', role: 'alert', hidden: true });
    this.live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.element = h(
      'div',
      { class: 'panel', id: 'docent-panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'docent-title' },
      this.header,
      this.messages,
      this.notice,
      this.composer.element,
      h('p', { class: 'footer' }, 'Powered by Docent'),
      this.live,
    );
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && options.closable) {
        event.stopPropagation();
        actions.close();
      }
    });
  }

  showHeader(appearance: Appearance): void {
    const avatar = h('span', { class: 'avatar', 'aria-hidden': 'true' });
    if (appearance.avatarUrl) avatar.append(h('img', { src: appearance.avatarUrl, alt: '' }));
    else avatar.textContent = (appearance.title.trim()[0] ?? '?').toUpperCase();
    const restart = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Start a new conversation' }, icon(restartIcon));
    restart.addEventListener('click', () => this.actions.restart());
    this.header.replaceChildren(
      avatar,
      h('div', { class: 'heading' }, h('h2', { class: 'title', id: 'docent-title' }, appearance.title), h('p', { class: 'subtitle' }, 'Answers from our documents')),
      restart,
      ...(this.closeButton ? [this.closeButton] : []),
    );
  }

  clearMessages(): void {
    this.messages.replaceChildren();
  }

  add(view: MessageView | HTMLElement): void {
    this.messages.append('element' in view ? view.element : view);
    this.scrollToEnd();
  }

  scrollToEnd(): void {
    this.messages.scrollTop = this.messages.scrollHeight;
  }

  setNotice(text: string | null): void {
    this.notice.textContent = text ?? '';
    this.notice.hidden = !text;
  }

  announce(text: string): void {
    this.live.textContent = text;
  }

  focus(): void {
    if (this.composer.input.disabled) (this.closeButton ?? this.messages).focus();
    else this.composer.input.focus();
  }
}
