import { WidgetApiError } from './api/widget-api-error.js';

const byReason: Record<string, string> = {
  'key-missing': "Chat isn't set up correctly on this website.",
  'key-invalid': "Chat isn't set up correctly on this website.",
  'key-revoked': 'This chat has been switched off.',
  'origin-not-allowed': "Chat isn't enabled for this website.",
  'assistant-unavailable': 'This assistant is no longer available.',
  'visitor-invalid': 'Your chat session expired. Please send your message again.',
  'conversation-not-found': 'That conversation could not be found. Please send your message again.',
};

/**
 * A short message a visitor can act on, for any failure. Site owners get the precise reason in
 * the browser console, where they look when setting the widget up.
 */
export function friendlyMessage(error: unknown): string {
  if (!(error instanceof WidgetApiError)) return 'Something went wrong. Please try again.';
  if (error.reason && byReason[error.reason]) return byReason[error.reason] as string;
  if (error.status === 0) return "Chat isn't available on this website right now.";
  if (error.status === 429) return "You're sending messages a little fast. Please wait a moment and try again.";
  if (error.status >= 500) return 'Something went wrong on our side. Please try again.';
  return 'That did not work. Please try again.';
}

/** Tells the site owner what is wrong, without bothering visitors. */
export function reportToConsole(error: unknown): void {
  if (!(error instanceof WidgetApiError)) return;
  if (error.status === 0) {
    console.warn(
      `Docent widget: the chat server gave this page no answer it may read. Check that ${location.origin} is one of the widget key's allowed origins.`,
    );
  } else {
    console.warn(`Docent widget: ${error.message} (${error.status} ${error.reason ?? error.code})`);
  }
}
