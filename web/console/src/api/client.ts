import { readServerSentEvents } from './server-sent-events.js';
import { sessionTokens } from './session-tokens.js';
import { send, sendJson } from './transport.js';
import type {
  ApiKey,
  ApiKeyScope,
  ChatEvent,
  Chatbot,
  ChatbotInput,
  Conversation,
  ConversationMessage,
  KnowledgeBase,
  KnowledgeSource,
  LlmConfig,
  LlmProvider,
  ProviderType,
  Rating,
  Task,
  TokenPair,
  User,
  WidgetKey,
  WidgetSettings,
} from './types.js';

const get = <Data>(path: string) => sendJson<Data>('GET', path).then((envelope) => envelope.data);
const post = <Data>(path: string, body?: unknown) => sendJson<Data>('POST', path, { body }).then((envelope) => envelope.data);
const put = <Data>(path: string, body: unknown) => sendJson<Data>('PUT', path, { body }).then((envelope) => envelope.data);
const remove = (path: string) => sendJson<null>('DELETE', path).then(() => undefined);
const id = encodeURIComponent;

/** Every call the console makes to the native API, typed. */
export const api = {
  auth: {
    async login(username: string, password: string): Promise<User> {
      const envelope = await sendJson<TokenPair & { user: User }>('POST', '/auth/login', {
        body: { username, password },
        anonymous: true,
      });
      sessionTokens.store(envelope.data);
      return envelope.data.user;
    },
    async register(username: string, email: string, password: string): Promise<void> {
      await sendJson('POST', '/auth/register', { body: { username, email, password }, anonymous: true });
    },
    me: () => get<{ user: User }>('/auth/me').then((data) => data.user),
    async logout(): Promise<void> {
      const refreshToken = sessionTokens.refresh() ?? undefined;
      await sendJson('POST', '/auth/logout', { body: { refreshToken } }).finally(() => sessionTokens.clear());
    },
  },

  chatbots: {
    list: () => get<Chatbot[]>('/chatbots?limit=100'),
    get: (chatbotId: string) => get<{ chatbot: Chatbot }>(`/chatbots/${id(chatbotId)}`).then((data) => data.chatbot),
    create: (input: ChatbotInput) => post<{ chatbot: Chatbot }>('/chatbots', input).then((data) => data.chatbot),
    update: (chatbotId: string, input: ChatbotInput) =>
      put<{ chatbot: Chatbot }>(`/chatbots/${id(chatbotId)}`, input).then((data) => data.chatbot),
    delete: (chatbotId: string) => remove(`/chatbots/${id(chatbotId)}`),
    finalPrompt: (chatbotId: string) =>
      get<{ finalPrompt: string }>(`/chatbots/${id(chatbotId)}/final-prompt`).then((data) => data.finalPrompt),
  },

  conversations: {
    /** Sends a message and yields the answer's events as they stream in. */
    async *ask(chatbotId: string, message: string, conversationId: string | null, signal: AbortSignal): AsyncGenerator<ChatEvent> {
      const body = { message, stream: 'sse', ...(conversationId && { conversationId }) };
      const response = await send('POST', `/chatbots/${id(chatbotId)}/conversation`, { body, signal });
      for await (const { event, data } of readServerSentEvents(response)) {
        yield { type: event, ...(data as object) } as ChatEvent;
      }
    },
    /** Every conversation with the assistant (playground, API and widget), most recently active first. */
    list: (chatbotId: string) => get<Conversation[]>(`/chatbots/${id(chatbotId)}/conversations?limit=50`),
    messages: (conversationId: string) =>
      get<{ messages: ConversationMessage[] }>(`/conversations/${id(conversationId)}?view=branch`).then(
        (data) => data.messages,
      ),
    rate: (chatbotId: string, messageId: string, rating: Rating) =>
      post<unknown>(`/chatbots/${id(chatbotId)}/response-rating`, { messageId, rating }),
  },

  knowledge: {
    list: (chatbotId: string) => get<KnowledgeBase[]>(`/chatbots/${id(chatbotId)}/knowledge-bases`),
    create: (chatbotId: string, name: string) =>
      post<{ knowledgeBase: KnowledgeBase }>(`/chatbots/${id(chatbotId)}/knowledge-bases`, { name }).then(
        (data) => data.knowledgeBase,
      ),
    sources: (knowledgeBaseId: string) => get<KnowledgeSource[]>(`/knowledge-bases/${id(knowledgeBaseId)}/files`),
    /** Stores the file; ingesting it goes on in the background (see the file's `taskId`). */
    async upload(knowledgeBaseId: string, file: File): Promise<KnowledgeSource> {
      const form = new FormData();
      form.append('file', file);
      const envelope = await sendJson<{ file: KnowledgeSource }>('POST', `/knowledge-bases/${id(knowledgeBaseId)}/files`, {
        form,
      });
      return envelope.data.file;
    },
    task: (taskId: string) => get<{ task: Task }>(`/tasks/${id(taskId)}`).then((data) => data.task),
  },

  apiKeys: {
    list: () => get<ApiKey[]>('/auth/api-key'),
    create: (name: string, scopes: ApiKeyScope[]) => post<{ apiKey: ApiKey; key: string }>('/auth/api-key', { name, scopes }),
    revoke: (apiKeyId: string) => remove(`/auth/api-key/${id(apiKeyId)}`),
  },

  providers: {
    list: () => get<LlmProvider[]>('/llm-providers?limit=100'),
    create: (input: { name: string; type: ProviderType; apiEndpoint?: string }) =>
      post<{ llmProvider: LlmProvider }>('/llm-providers', input).then((data) => data.llmProvider),
    delete: (providerId: string) => remove(`/llm-providers/${id(providerId)}`),
    configs: () => get<LlmConfig[]>('/llm-configs?limit=100'),
    saveKey: (providerId: string, apiKey: string) =>
      post<{ llmConfig: LlmConfig }>('/llm-configs', { providerId, apiKey }).then((data) => data.llmConfig),
    deleteKey: (configId: string) => remove(`/llm-configs/${id(configId)}`),
  },

  widgets: {
    keys: (chatbotId: string) => get<WidgetKey[]>(`/chatbots/${id(chatbotId)}/widget-keys`),
    createKey: (chatbotId: string, allowedOrigins: string[]) =>
      post<{ widgetKey: WidgetKey }>(`/chatbots/${id(chatbotId)}/widget-keys`, { allowedOrigins }).then(
        (data) => data.widgetKey,
      ),
    revokeKey: (widgetKeyId: string) => remove(`/widget-keys/${id(widgetKeyId)}`),
    settings: (chatbotId: string) =>
      get<{ widgetSettings: WidgetSettings }>(`/chatbots/${id(chatbotId)}/widget-settings`).then(
        (data) => data.widgetSettings,
      ),
    saveSettings: (chatbotId: string, settings: WidgetSettings) =>
      put<{ widgetSettings: WidgetSettings }>(`/chatbots/${id(chatbotId)}/widget-settings`, settings).then(
        (data) => data.widgetSettings,
      ),
  },
};
