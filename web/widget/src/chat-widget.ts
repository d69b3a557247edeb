import type { Appearance, ChatMessage, WidgetConfig } from './api/types.js';
import { WidgetApiError } from './api/widget-api-error.js';
import type { WidgetApi } from './api/widget-api.js';
import { h } from './dom.js';
import { friendlyMessage, reportToConsole } from './friendly-errors.js';
import { VisitorStore, type VisitorMemory } from './visitor-store.js';
import { greetingView } from './views/greeting.js';
import { Launcher } from './views/launcher.js';
import { MessageView } from './views/message-view.js';
import { Panel } from './views/panel.js';

export type WidgetMode = 'floating' | 'inline';

const fallbackAppearance: Appearance = {
  title: 'Chat',
  primaryColor: '#2563eb',
  textColor: '#ffffff',
  position: 'bottom-right',
  avatarUrl: null,
  launcherText: 'Chat with us',
};

/**
 * The widget's behaviour: loads the assistant's configuration, restores the visitor's
 * conversation, sends questions and streams the answers into the panel. Floating mode adds a
 * launcher and manages focus on open and close; inline mode shows the panel in place.
 */
export class ChatWidget {
  private readonly root: HTMLElement;
  private readonly panel: Panel;
  private readonly launcher: Launcher | null;
  private config: WidgetConfig | null = null;
  private store: VisitorStore | null = null;
  private memory: VisitorMemory = { visitorToken: null, conversationId: null };
  private historyLoaded = false;
  private sending = false;

  constructor(
    private readonly api: WidgetApi,
    private readonly mode: WidgetMode,
  ) {
    const floating = mode === 'floating';
    this.panel = new Panel(
      { send: (text) => void this.send(text), close: () => this.close(), restart: () => this.restart() },
      { closable: floating },
    );
    this.launcher = floating ? new Launcher(() => this.toggle()) : null;
    this.root = h('div', { class: `root ${mode}` }, this.panel.element, this.launcher?.element);
    this.panel.element.hidden = floating;
    this.applyAppearance(fallbackAppearance);
  }

  get element(): HTMLElement {
    return this.root;
  }

  async start(): Promise<void> {
    try {
      this.config = await this.api.config();
    } catch (error) {
      this.refuse(error);
      return;
    }
    this.applyAppearance(this.config.appearance);
    this.store = new VisitorStore(this.config.assistant.id);
    this.memory = this.store.read();
    if (this.mode === 'inline' || this.store.wasOpen()) this.open(false);
  }

  private toggle(): void {
    if (this.panel.element.hidden) this.open(true);
    else this.close();
  }

  private open(moveFocus: boolean): void {
    this.panel.element.hidden = false;
    this.launcher?.setOpen(true);
    this.store?.rememberOpen(true);
    if (!this.historyLoaded && this.config) void this.loadHistory();
    if (moveFocus) this.panel.focus();
  }

  private close(): void {
    this.panel.element.hidden = true;
    this.launcher?.setOpen(false);
    this.store?.rememberOpen(false);
    this.launcher?.focus();
  }

  private async loadHistory(): Promise<void> {
    this.historyLoaded = true;
    this.showConversation([]);
    const { visitorToken } = this.memory;
    if (!visitorToken) return;
    try {
      const conversationId = this.memory.conversationId ?? (await this.api.conversations(visitorToken))[0]?.id ?? null;
      if (!conversationId) return;
      const messages = await this.api.messages(visitorToken, conversationId);
      this.remember({ conversationId });
      this.showConversation(messages);
    } catch (error) {
      this.forgetOn(error);
      if (!isForgettable(error)) this.panel.setNotice(friendlyMessage(error));
    }
  }

  private showConversation(messages: ChatMessage[]): void {
    const assistant = this.config?.assistant;
    this.panel.clearMessages();
    const starters = messages.length === 0 ? (assistant?.suggestedQuestions ?? []) : [];
    for (const part of greetingView(assistant?.greeting ?? '', starters, (question) => void this.send(question))) this.panel.add(part);
    for (const message of messages) this.panel.add(MessageView.of(message));
  }

  private async send(text: string): Promise<void> {
    if (this.sending || !this.config) return;
    this.sending = true;
    this.panel.composer.setEnabled(false);
    this.panel.composer.take();
    this.panel.setNotice(null);
    this.panel.element.querySelector('.suggestions')?.remove();
    const question = MessageView.of({ id: '', role: 'user', content: text, status: 'complete', citations: [] });
    const answer = new MessageView('assistant');
    answer.showTyping();
    this.panel.add(question);
    this.panel.add(answer);
    this.panel.announce('Sent. Waiting for the answer…');
    try {
      const visitorToken = this.memory.visitorToken ?? (await this.api.startVisitor());
      this.remember({ visitorToken });
      for await (const event of this.api.send(visitorToken, { message: text, conversationId: this.memory.conversationId })) {
        if (event.type === 'message-start') this.remember({ conversationId: event.conversationId });
        else if (event.type === 'text-delta') answer.append(event.delta);
        else if (event.type === 'source') answer.addCitation(event.source);
        else if (event.type === 'finish') this.panel.announce(answer.plainText());
        else if (event.type === 'error') {
          answer.markFailed();
          this.panel.setNotice('Sorry, something went wrong while answering. Please try again.');
          this.panel.announce('The answer failed.');
        }
        this.panel.scrollToEnd();
      }
    } catch (error) {
      reportToConsole(error);
      this.forgetOn(error);
      question.element.remove();
      answer.element.remove();
      this.panel.composer.restore(text);
      this.panel.setNotice(friendlyMessage(error));
      this.panel.announce(friendlyMessage(error));
    } finally {
      this.sending = false;
      this.panel.composer.setEnabled(true);
    }
  }

  private restart(): void {
    this.remember({ conversationId: null });
    this.panel.setNotice(null);
    this.showConversation([]);
    this.panel.focus();
  }

  /** A stale visitor token or a vanished conversation is dropped; the visitor simply starts afresh. */
  private forgetOn(error: unknown): void {
    if (!(error instanceof WidgetApiError)) return;
    if (error.reason === 'visitor-invalid') this.remember({ visitorToken: null, conversationId: null });
    if (error.reason === 'conversation-not-found') this.remember({ conversationId: null });
  }

  private remember(change: Partial<VisitorMemory>): void {
    this.memory = { ...this.memory, ...change };
    this.store?.write(this.memory);
  }

  /** The key, the page's origin or the assistant is refused: say so kindly and disable chatting. */
  private refuse(error: unknown): void {
    reportToConsole(error);
    this.panel.showHeader(fallbackAppearance);
    this.panel.setNotice(friendlyMessage(error));
    this.panel.composer.setAvailable(false);
    if (this.mode === 'inline') this.open(false);
  }

  private applyAppearance(appearance: Appearance): void {
    this.root.style.setProperty('--primary', appearance.primaryColor);
    this.root.style.setProperty('--on-primary', appearance.textColor);
    this.root.classList.toggle('left', appearance.position === 'bottom-left');
    this.launcher?.setText(appearance.launcherText);
    this.launcher?.setOpen(!this.panel.element.hidden);
    this.panel.showHeader(appearance);
  }
}

function isForgettable(error: unknown): boolean {
  return error instanceof WidgetApiError && (error.reason === 'visitor-invalid' || error.reason === 'conversation-not-found');
}
