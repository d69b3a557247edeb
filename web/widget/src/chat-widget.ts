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
  /** Settles once start() is done: true with a configuration, false when the widget was refused. */
  private readonly ready: Promise<boolean>;
  private settle: (configured: boolean) => void = () => undefined;
  /** The visitor's earlier conversation, loading or loaded; null until the panel first needs it. */
  private history: Promise<void> | null = null;
  /** Bumped when the visitor starts a new conversation: work begun before then must not touch the panel or the memory. */
  private epoch = 0;
  /** The question on its way and its answer, kept below whatever the panel is redrawn with. */
  private pending: HTMLElement[] = [];
  private sending = false;
  private refused = false;

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
    this.ready = new Promise((resolve) => (this.settle = resolve));
    this.applyAppearance(fallbackAppearance);
    if (!floating) this.panel.setLoading(true);
  }

  get element(): HTMLElement {
    return this.root;
  }

  async start(): Promise<void> {
    try {
      this.config = await this.api.config();
    } catch (error) {
      this.refuse(error);
      this.settle(false);
      return;
    }
    this.applyAppearance(this.config.appearance);
    this.store = new VisitorStore(this.config.assistant.id);
    this.memory = this.store.read();
    // Opened while the configuration was on its way: now show what it was waiting for.
    if (this.mode === 'inline' || !this.panel.element.hidden || this.store.wasOpen()) this.open(false);
    this.settle(true);
  }

  private toggle(): void {
    if (this.panel.element.hidden) this.open(true);
    else this.close();
  }

  private open(moveFocus: boolean): void {
    this.panel.element.hidden = false;
    this.launcher?.setOpen(true);
    this.store?.rememberOpen(true);
    if (this.config) void this.loadHistory();
    else if (!this.refused) this.panel.setLoading(true);
    if (moveFocus) this.panel.focus();
  }

  private close(): void {
    this.panel.element.hidden = true;
    this.launcher?.setOpen(false);
    this.store?.rememberOpen(false);
    this.launcher?.focus();
  }

  /** Shows the greeting and the visitor's earlier conversation, once; needs the configuration. */
  private loadHistory(): Promise<void> {
    this.history ??= this.fetchHistory();
    return this.history;
  }

  private async fetchHistory(): Promise<void> {
    const epoch = this.epoch;
    const { visitorToken } = this.memory;
    let messages: ChatMessage[] = [];
    let conversationId: string | null = null;
    let notice: string | null = null;
    if (visitorToken) {
      this.panel.setLoading(true);
      try {
        conversationId = this.memory.conversationId ?? (await this.api.conversations(visitorToken))[0]?.id ?? null;
        if (conversationId) messages = await this.api.messages(visitorToken, conversationId);
      } catch (error) {
        conversationId = null;
        this.forgetOn(error);
        if (!isForgettable(error)) notice = friendlyMessage(error);
      }
    }
    // The visitor started a new conversation meanwhile: this one is no longer theirs to see.
    if (epoch !== this.epoch) return;
    if (conversationId) this.remember({ conversationId });
    this.showConversation(messages);
    if (notice) this.panel.setNotice(notice);
  }

  private showConversation(messages: ChatMessage[]): void {
    const assistant = this.config?.assistant;
    this.panel.clearMessages();
    this.panel.setLoading(false);
    const starters = messages.length === 0 && this.pending.length === 0 ? (assistant?.suggestedQuestions ?? []) : [];
    for (const part of greetingView(assistant?.greeting ?? '', starters, (question) => void this.send(question))) this.panel.add(part);
    for (const message of messages) this.panel.add(MessageView.of(message));
    for (const element of this.pending) this.panel.add(element);
    this.panel.scrollToEnd();
  }

  /**
   * Shows the question at once and sends it as soon as it can: once the configuration has arrived
   * and the earlier conversation it continues is shown.
   */
  private async send(text: string): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    const epoch = this.epoch;
    this.panel.composer.setEnabled(false);
    this.panel.composer.take();
    this.panel.setNotice(null);
    this.panel.element.querySelector('.suggestions')?.remove();
    const question = MessageView.of({ id: '', role: 'user', content: text, status: 'complete', citations: [] });
    const answer = new MessageView('assistant');
    answer.showTyping();
    this.pending = [question.element, answer.element];
    this.panel.add(question);
    this.panel.add(answer);
    this.panel.scrollToEnd();
    this.panel.announce('Sent. Waiting for the answer…');
    const withdraw = () => {
      question.element.remove();
      answer.element.remove();
      this.panel.composer.restore(text);
    };
    try {
      if (!(await this.ready)) {
        withdraw();
        return;
      }
      await this.loadHistory();
      if (epoch !== this.epoch) {
        // A new conversation was started before this question could go: give it back to edit or send.
        withdraw();
        this.panel.announce('Your message was not sent; it is back in the message box.');
        return;
      }
      const visitorToken = this.memory.visitorToken ?? (await this.api.startVisitor());
      this.remember({ visitorToken });
      for await (const event of this.api.send(visitorToken, { message: text, conversationId: this.memory.conversationId })) {
        if (event.type === 'message-start') {
          if (epoch === this.epoch) this.remember({ conversationId: event.conversationId });
        } else if (event.type === 'text-delta') answer.append(event.delta);
        else if (event.type === 'source') answer.addCitation(event.source);
        else if (event.type === 'finish') this.panel.announce(answer.plainText());
        else if (event.type === 'error') {
          answer.markFailed();
          this.panel.setNotice('Sorry, something went wrong while answering. Please try again.');
          this.panel.announce('The answer failed.');
        }
      }
    } catch (error) {
      reportToConsole(error);
      this.forgetOn(error);
      withdraw();
      this.panel.setNotice(friendlyMessage(error));
      this.panel.announce(friendlyMessage(error));
    } finally {
      this.pending = [];
      this.sending = false;
      this.panel.composer.setEnabled(true);
    }
  }

  private restart(): void {
    if (!this.config) return;
    this.epoch++;
    this.pending = [];
    this.history = Promise.resolve();
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
    this.refused = true;
    this.panel.showHeader(fallbackAppearance, false);
    this.panel.setLoading(false);
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
    this.panel.showHeader(appearance, this.config !== null);
  }
}

function isForgettable(error: unknown): boolean {
  return error instanceof WidgetApiError && (error.reason === 'visitor-invalid' || error.reason === 'conversation-not-found');
}
