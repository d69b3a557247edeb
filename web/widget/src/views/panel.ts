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
  private readonly loading = h('p', { class: 'loading', role: 'status' }, 'Loading…');
  /** Whether the conversation follows new content; false once the visitor scrolls up to read. */
  private pinned = true;

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
    // Answers render on animation frames, after the events that grow them: follow the content
    // once it has changed (and the list's size, e.g. when the panel opens or the composer grows)
    // rather than when the event arrived, so the end of an answer and its sources are in view.
    const follow = () => {
      if (this.pinned) this.messages.scrollTop = this.messages.scrollHeight;
    };
    new MutationObserver(follow).observe(this.messages, { childList: true, subtree: true, characterData: true });
    if (typeof ResizeObserver === 'function') new ResizeObserver(follow).observe(this.messages);
    this.messages.addEventListener(
      'scroll',
      () => {
        const { scrollTop, scrollHeight, clientHeight } = this.messages;
        if (clientHeight > 0) this.pinned = scrollHeight - scrollTop - clientHeight < 40;
      },
      { passive: true },
    );
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && options.closable) {
        event.stopPropagation();
        actions.close();
      }
    });
  }

  /** The header; its restart button waits for the configuration (there is nothing to restart before). */
  showHeader(appearance: Appearance, ready: boolean): void {
    const avatar = h('span', { class: 'avatar', 'aria-hidden': 'true' });
    if (appearance.avatarUrl) avatar.append(h('img', { src: appearance.avatarUrl, alt: '' }));
    else avatar.textContent = (appearance.title.trim()[0] ?? '?').toUpperCase();
    const restart = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Start a new conversation', disabled: !ready }, icon(restartIcon));
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

  /** Shows (above anything already there) or removes the loading line, and marks the conversation busy meanwhile. */
  setLoading(loading: boolean): void {
    this.messages.setAttribute('aria-busy', String(loading));
    if (!loading) this.loading.remove();
    else if (!this.loading.isConnected) this.messages.prepend(this.loading);
  }

  /** Adds a message; the conversation follows it unless the visitor has scrolled up to read. */
  add(view: MessageView | HTMLElement): void {
    this.messages.append('element' in view ? view.element : view);
  }

  /** Scrolls to the end and follows new content again (the visitor asked something, say). */
  scrollToEnd(): void {
    this.pinned = true;
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
