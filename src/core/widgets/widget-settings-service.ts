import type { Store } from '../../storage/store.js';
import { NotFoundError } from '../errors.js';
import {
  completeWidgetSettings,
  defaultWidgetSettings,
  toWidgetSettings,
  type WidgetSettings,
  type WidgetSettingsInput,
} from './widget-settings.js';

/** The widget appearance of an owner's chatbots; a chatbot nobody styled gets the defaults. */
export class WidgetSettingsService {
  constructor(private readonly store: Store) {}

  async get(ownerId: string, chatbotId: string): Promise<WidgetSettings> {
    const chatbot = await this.store.chatbots.findOwned(chatbotId, ownerId);
    if (!chatbot) throw new NotFoundError('Chatbot');
    return this.of(chatbot.id, chatbot.name);
  }

  /** Replaces all of the chatbot's widget settings; optional fields left out go back to their defaults. */
  async replace(ownerId: string, chatbotId: string, input: WidgetSettingsInput): Promise<WidgetSettings> {
    if (!(await this.store.chatbots.findOwned(chatbotId, ownerId))) throw new NotFoundError('Chatbot');
    const settings = completeWidgetSettings(input);
    const row = await this.store.widgetSettings.upsert({
      chatbotId,
      ...settings,
      suggestedQuestions: settings.suggestedQuestions && JSON.stringify(settings.suggestedQuestions),
      updatedAt: new Date().toISOString(),
    });
    return toWidgetSettings(row);
  }

  /** The settings of a chatbot already known to be reachable (the widget surface's lookup). */
  async of(chatbotId: string, chatbotName: string): Promise<WidgetSettings> {
    const row = await this.store.widgetSettings.find(chatbotId);
    return row ? toWidgetSettings(row) : defaultWidgetSettings(chatbotName);
  }
}
