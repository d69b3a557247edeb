import type { ChatMessage, Citation } from '../api/types.js';
import { h } from '../dom.js';
import { link, renderRichText } from '../rich-text.js';

/**
 * One message bubble. An answer is created empty (showing a typing indicator), grows as text
 * streams in, and lists its sources under the text once it has any.
 */
export class MessageView {
  readonly element: HTMLElement;
  private text = '';
  private readonly citations: Citation[] = [];
  private renderScheduled = false;

  constructor(private readonly role: ChatMessage['role']) {
    this.element = h('div', { class: `message ${role}` });
  }

  static of(message: ChatMessage): MessageView {
    const view = new MessageView(message.role);
    view.text = message.content;
    view.citations.push(...message.citations);
    view.render();
    if (message.status === 'failed') view.element.classList.add('failed');
    return view;
  }

  showTyping(): void {
    this.element.replaceChildren(h('span', { class: 'typing', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')));
  }

  append(delta: string): void {
    this.text += delta;
    this.scheduleRender();
  }

  addCitation(citation: Citation): void {
    if (this.citations.some((existing) => existing.id === citation.id)) return;
    this.citations.push(citation);
    this.scheduleRender();
  }

  markFailed(): void {
    this.element.classList.add('failed');
    if (!this.text) this.text = 'Sorry, I could not answer that just now.';
    this.render();
  }

  plainText(): string {
    return this.text;
  }

  /** Repaints at most once a frame, however fast the deltas arrive. */
  private scheduleRender(): void {
    if (this.renderScheduled) return;
    this.renderScheduled = true;
    requestAnimationFrame(() => {
      this.renderScheduled = false;
      this.render();
    });
  }

  private render(): void {
    if (this.role === 'user') {
      this.element.textContent = this.text;
      return;
    }
    this.element.replaceChildren(renderRichText(this.text));
    if (this.citations.length > 0) {
      this.element.append(
        h('p', { class: 'sources-label' }, 'Sources'),
        h('ol', { class: 'sources' }, ...this.citations.map((citation, index) => sourceItem(citation, index + 1))),
      );
    }
  }
}

function sourceItem(citation: Citation, number: number): HTMLElement {
  const title = citation.title || citation.url || 'Source';
  const safeUrl = citation.url && /^https?:\/\//i.test(citation.url) ? citation.url : undefined;
  return h(
    'li',
    { class: 'source' },
    h('span', { class: 'cite', 'aria-hidden': 'true' }, String(number)),
    h(
      'div',
      { class: 'source-body' },
      h('span', { class: 'source-title' }, safeUrl ? link(safeUrl, title) : title),
      citation.location && h('span', { class: 'source-location' }, ` · ${citation.location}`),
      citation.snippet && h('p', { class: 'source-snippet' }, citation.snippet),
    ),
  );
}
