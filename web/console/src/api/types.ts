/** The shapes the native API (/api/v1) answers with, as the console uses them. */

export interface User {
  id: string;
  username: string;
  email: string;
  role: 'admin' | 'user';
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

export interface Pagination {
  total: number;
  pages: number;
  page: number;
  limit: number;
}

export interface FewShotExample {
  question: string;
  answer: string;
}

export interface ModelSettings {
  providerId: string | null;
  name: string;
  temperature: number;
  maxTokens: number;
}

export interface Chatbot {
  id: string;
  name: string;
  description: string;
  instructions: string;
  greeting: string;
  examples: FewShotExample[];
  model: ModelSettings;
  updatedAt: string;
}

export interface ChatbotInput {
  name: string;
  instructions: string;
  examples: FewShotExample[];
  model: { providerId: string | null; name: string };
}

export type ApiKeyScope = 'read' | 'write';

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type ProviderType = 'openai' | 'anthropic' | 'google' | 'azure' | 'openai-compatible';

export interface LlmProvider {
  id: string;
  name: string;
  type: ProviderType;
  apiEndpoint: string | null;
  scope: 'global' | 'private';
}

export interface LlmConfig {
  id: string;
  providerId: string;
  apiKeyMask: string;
}

export interface KnowledgeBase {
  id: string;
  name: string;
  filesCount: number;
}

export type TaskStatus = 'PENDING' | 'STARTED' | 'SUCCESS' | 'FAILURE';

/** An uploaded document of a knowledge base, with how its ingestion went. */
export interface KnowledgeSource {
  id: string;
  name: string;
  documentType: string;
  status: TaskStatus;
  failureReason: string | null;
  /** The ingestion task while it runs; follow it at GET /tasks/:id. */
  taskId: string | null;
  /** Passages the document was split into, once ingested. */
  chunkCount: number;
}

/** A background job, such as ingesting an uploaded document. */
export interface Task {
  id: string;
  status: TaskStatus;
  /** From 0 to 1. */
  progress: number;
  failureReason: string | null;
}

export interface ChatSource {
  id: string;
  title?: string;
  url?: string;
  location?: string;
  snippet?: string;
}

/** What a streamed conversation turn delivers, by SSE event name. */
export type ChatEvent =
  | { type: 'message-start'; conversationId: string; title: string; userMessageId: string; assistantMessageId: string }
  | { type: 'text-delta'; delta: string }
  | { type: 'source'; source: ChatSource }
  | { type: 'finish'; messageId: string }
  | { type: 'error'; messageId?: string; code: string; message: string };

export type Rating = 'up' | 'down';

export interface Conversation {
  id: string;
  title: string;
  /** Who the conversation is with, when not the owner (a widget visitor, an API end user). */
  endUser: { kind: string; externalId: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface ConversationMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  status: string;
  citations: ChatSource[];
  createdAt: string;
}

export interface WidgetKey {
  id: string;
  key: string;
  allowedOrigins: string[];
  createdAt: string;
  revokedAt: string | null;
}

/** How the embedded chat looks; greeting and suggested questions fall back to the assistant's own when null. */
export interface WidgetSettings {
  title: string;
  primaryColor: string;
  textColor: string;
  position: 'bottom-right' | 'bottom-left';
  launcherText: string;
  avatarUrl: string | null;
  greeting: string | null;
  suggestedQuestions: string[] | null;
}
