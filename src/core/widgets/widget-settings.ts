import type { WidgetSettingsRow } from '../../storage/repositories/widget-settings-repository.js';
import { ValidationError } from '../errors.js';

export type WidgetPosition = 'bottom-right' | 'bottom-left';

/** How a chatbot's widget looks, set by its owner without code. */
export interface WidgetSettings {
  /** The panel's heading. */
  title: string;
  /** Hex colours: the launcher and header background, and the text drawn on it. */
  primaryColor: string;
  textColor: string;
  position: WidgetPosition;
  avatarUrl: string | null;
  launcherText: string;
  /** Null: the chatbot's own greeting and suggested questions. */
  greeting: string | null;
  suggestedQuestions: string[] | null;
}

export type WidgetSettingsInput = Omit<WidgetSettings, 'avatarUrl' | 'greeting' | 'suggestedQuestions'> &
  Partial<Pick<WidgetSettings, 'avatarUrl' | 'greeting' | 'suggestedQuestions'>>;

/** The look of a widget whose owner changed nothing; the title is the chatbot's name. */
export function defaultWidgetSettings(chatbotName: string): WidgetSettings {
  return {
    title: chatbotName,
    primaryColor: '#2563eb',
    textColor: '#ffffff',
    position: 'bottom-right',
    avatarUrl: null,
    launcherText: 'Chat with us',
    greeting: null,
    suggestedQuestions: null,
  };
}

/** Completes and checks an owner's input: trims text, lower-cases colours, vets the avatar URL. */
export function completeWidgetSettings(input: WidgetSettingsInput): WidgetSettings {
  return {
    title: input.title.trim(),
    primaryColor: input.primaryColor.toLowerCase(),
    textColor: input.textColor.toLowerCase(),
    position: input.position,
    avatarUrl: input.avatarUrl ? checkAvatarUrl(input.avatarUrl) : null,
    launcherText: input.launcherText.trim(),
    greeting: input.greeting ?? null,
    suggestedQuestions: input.suggestedQuestions ? input.suggestedQuestions.map((question) => question.trim()) : null,
  };
}

function checkAvatarUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new ValidationError('avatarUrl must be an http(s) URL');
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) {
    throw new ValidationError('avatarUrl must be an http(s) URL without credentials');
  }
  return url.href;
}

export function toWidgetSettings(row: WidgetSettingsRow): WidgetSettings {
  return {
    title: row.title,
    primaryColor: row.primaryColor,
    textColor: row.textColor,
    position: row.position,
    avatarUrl: row.avatarUrl,
    launcherText: row.launcherText,
    greeting: row.greeting,
    suggestedQuestions: row.suggestedQuestions === null ? null : (JSON.parse(row.suggestedQuestions) as string[]),
  };
}
