/** The widget API's wire shapes (src/http/widget/widget-schemas.ts on the server). */

export interface Appearance {
  title: string;
  primaryColor: string;
  textColor: string;
  position: 'bottom-right' | 'bottom-left';
  avatarUrl: string | null;
  launcherText: string;
}

export interface WidgetConfig {
  assistant: { id: string; name: string; greeting: string; suggestedQuestions: string[] };
  appearance: Appearance;
}

export interface Citation {
  id: string;
  title: string;
  url?: string;
  location?: string;
  snippet?: string;
}

export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  status: 'complete' | 'incomplete' | 'failed';
  citations: Citation[];
}

export interface ConversationSummary {
  id: string;
  title: string;
  updatedAt: string;
}

/** What a send streams, with the SSE event names as `type`. */
export type StreamEvent =
  | { type: 'message-start'; conversationId: string; userMessageId: string; assistantMessageId: string }
  | { type: 'text-delta'; delta: string }
  | { type: 'source'; source: Citation }
  | { type: 'finish'; messageId: string }
  | { type: 'error'; message: string; code: string };
