import type { Generated } from 'kysely';

/**
 * Row shapes, in camelCase: Kysely's CamelCasePlugin maps them to the snake_case columns.
 * Timestamps are ISO-8601 strings on both backends (the PostgreSQL
 * adapter parses timestamptz into strings), JSON columns are text.
 */
export interface UsersTable {
  id: string;
  username: string;
  email: string;
  passwordHash: string;
  firstName: string | null;
  lastName: string | null;
  role: 'admin' | 'user';
  status: 'active' | 'disabled';
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

/** A login session: one refresh-token family. Revoking it ends every token issued in it. */
export interface SessionsTable {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  userAgent: string | null;
  ip: string | null;
}

export interface RefreshTokensTable {
  id: string;
  sessionId: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface ApiKeysTable {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  keyHash: string;
  scopes: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface PasswordResetsTable {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface OutboxMailsTable {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  createdAt: string;
}

/** An assistant. `examples` and `suggestedQuestions` are JSON text; `deletedAt` marks a soft delete. */
export interface ChatbotsTable {
  id: string;
  ownerId: string;
  name: string;
  description: string;
  instructions: string;
  goal: string;
  agentName: string;
  organisationName: string;
  organisationDescription: string;
  examples: string;
  greeting: string;
  suggestedQuestions: string;
  providerId: string | null;
  modelName: string;
  temperature: number;
  maxTokens: number;
  archivedAt: string | null;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A voice for a chatbot. `traits` is JSON text; `isDefault` is 0 or 1, at most one 1 per chatbot. */
export interface PersonalitiesTable {
  id: string;
  chatbotId: string;
  name: string;
  description: string;
  tone: string;
  style: string;
  traits: string;
  customInstructions: string;
  isDefault: number;
  createdAt: string;
  updatedAt: string;
}

/** An LLM provider: global (defined by an admin) when `ownerId` is null, private to its owner otherwise. */
export interface LlmProvidersTable {
  id: string;
  ownerId: string | null;
  name: string;
  type: 'openai' | 'anthropic' | 'google' | 'azure' | 'openai-compatible';
  /** Base URL; null means the vendor's default endpoint. */
  apiEndpoint: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A user's key for one provider: sealed with the secret box, plus the mask that may be shown. */
export interface LlmConfigsTable {
  id: string;
  userId: string;
  providerId: string;
  apiKeyCiphertext: string;
  apiKeyMask: string;
  createdAt: string;
  updatedAt: string;
}

/** Who an end user is to a chatbot: an API caller's `endUserId`, a widget visitor, a channel user. */
export type EndUserKind = 'api' | 'widget' | 'channel';

/** A person a chatbot talks to who is not a platform account; one row per (chatbot, kind, externalId). */
export interface EndUsersTable {
  id: string;
  chatbotId: string;
  kind: EndUserKind;
  externalId: string;
  createdAt: string;
  lastSeenAt: string;
}

/** A conversation with a chatbot. `currentMessageId` is the newest message of the current branch. */
export interface ConversationsTable {
  id: string;
  chatbotId: string;
  /** The platform account that started it, if any (widget visitors have none). */
  userId: string | null;
  endUserId: string | null;
  title: string;
  currentMessageId: string | null;
  createdAt: string;
  updatedAt: string;
}

export type MessageRole = 'user' | 'assistant';
export type MessageStatus = 'complete' | 'incomplete' | 'failed';

/**
 * One message of a conversation's tree. Assistant messages record how they were produced; the
 * columns about the model stay null on user messages. `citations` is JSON text; `usageEstimated`
 * is 0 or 1.
 */
export interface MessagesTable {
  id: string;
  conversationId: string;
  parentId: string | null;
  depth: number;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  errorCode: string | null;
  errorMessage: string | null;
  modelName: string | null;
  providerType: string | null;
  finishReason: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  totalTokens: number | null;
  usageEstimated: number | null;
  firstTokenMs: number | null;
  totalMs: number | null;
  citations: string;
  createdAt: string;
  completedAt: string | null;
}

/** A rating of an assistant message; one per message and rater (`user:<id>` or `end-user:<id>`). */
export interface MessageRatingsTable {
  id: string;
  messageId: string;
  rater: string;
  rating: 'up' | 'down';
  score: number | null;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A chat send made with an `Idempotency-Key`: the rows it wrote, so a retry returns them. */
export interface IdempotencyKeysTable {
  id: string;
  userId: string;
  idempotencyKey: string;
  requestHash: string;
  conversationId: string;
  userMessageId: string;
  assistantMessageId: string;
  createdAt: string;
  completedAt: string | null;
}

/** A publishable widget key: one chatbot, the origins allowed to use it. `allowedOrigins` is JSON text. */
export interface WidgetKeysTable {
  id: string;
  chatbotId: string;
  key: string;
  allowedOrigins: string;
  createdAt: string;
  rotatedAt: string | null;
  revokedAt: string | null;
}

/** A chatbot's widget appearance. Null `greeting`/`suggestedQuestions` (JSON text) use the chatbot's own. */
export interface WidgetSettingsTable {
  chatbotId: string;
  title: string;
  primaryColor: string;
  textColor: string;
  position: 'bottom-right' | 'bottom-left';
  avatarUrl: string | null;
  launcherText: string;
  greeting: string | null;
  suggestedQuestions: string | null;
  updatedAt: string;
}

/** Where a knowledge source stands in background ingestion (the job statuses, mirrored on the source). */
export type IngestionStatus = 'PENDING' | 'STARTED' | 'SUCCESS' | 'FAILURE';

/**
 * A knowledge base with its retrieval settings (seed 003 #36). `rerankingEnabled` is 0 or 1;
 * `settingsVersion` counts changes to chunking or embedding, `contentVersion` changes to chunks.
 */
export interface KnowledgeBasesTable {
  id: string;
  ownerId: string;
  name: string;
  description: string;
  embeddingType: 'offline' | 'provider';
  embeddingProviderId: string | null;
  embeddingModel: string | null;
  chunkSize: number;
  chunkOverlap: number;
  retrievalMethod: 'dense' | 'sparse' | 'hybrid';
  sparseWeightage: number;
  topK: number;
  rerankingEnabled: number;
  /** `topKAfterReranking` (a name CamelCasePlugin could not map to snake_case and back). */
  rerankTopK: number;
  updateInterval: number;
  settingsVersion: number;
  contentVersion: number;
  createdAt: string;
  updatedAt: string;
}

/** Which chatbots answer from which knowledge bases (many-to-many). */
export interface ChatbotKnowledgeBasesTable {
  chatbotId: string;
  knowledgeBaseId: string;
  createdAt: string;
}

/** The ingestion columns every knowledge source has. */
export interface KnowledgeSourceColumns {
  id: string;
  knowledgeBaseId: string;
  status: IngestionStatus;
  failureReason: string | null;
  /** The job that brings the source's chunks up to date. */
  taskId: string | null;
  chunkCount: number;
  createdAt: string;
  updatedAt: string;
}

/** An uploaded file, stored as a blob under a server-generated key; `summary` profiles a spreadsheet's sheets. */
export interface KnowledgeFilesTable extends KnowledgeSourceColumns {
  name: string;
  blobKey: string;
  contentHash: string;
  sizeBytes: number;
  documentType: string;
  kind: 'document' | 'spreadsheet';
  summary: string | null;
}

/** A text or question/answer entry typed in by the owner (seed 004's knowledge items). */
export interface KnowledgeItemsTable extends KnowledgeSourceColumns {
  kind: 'text' | 'qa';
  title: string;
  content: string;
  question: string | null;
  answer: string | null;
  contentHash: string;
}

/**
 * A web page to fetch, or with the grabber on a site to crawl from it (seed 003's links);
 * `syncRequests` counts requested syncs. `etag`, `lastModified` and `contentHash` held the one
 * page's validators before crawling; since 0007 every page's are in `knowledge_link_pages`.
 */
export interface KnowledgeLinksTable extends KnowledgeSourceColumns {
  url: string;
  title: string;
  grabberEnabled: number;
  syncRequests: number;
  lastSyncedAt: string | null;
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
}

/**
 * One page a link's last syncs ingested: its validators for the next, conditional, fetch and
 * the knowledge base's settings version its chunks were made under.
 */
export interface KnowledgeLinkPagesTable {
  linkId: string;
  url: string;
  etag: string | null;
  lastModified: string | null;
  contentHash: string;
  settingsVersion: number;
  syncedAt: string;
}

/**
 * A retrievable piece of a source. `location` is JSON text; `embedding` is little-endian float32
 * bytes made by `embeddingModel`. The id is auto-numbered (SQLite's FTS5 keys on it).
 */
export interface KnowledgeChunksTable {
  id: Generated<number>;
  knowledgeBaseId: string;
  sourceKind: 'file' | 'item' | 'link';
  sourceId: string;
  sourceTitle: string;
  sourceUrl: string | null;
  ordinal: number;
  text: string;
  tokenCount: number;
  location: string;
  embedding: Uint8Array;
  embeddingModel: string;
  createdAt: string;
}

/**
 * A chunk an attempt of an ingestion job (`taskId`, `attempt`) has made but not yet committed:
 * never searched, moved into `knowledge_chunks` by the job's final transaction. The id keeps the
 * staging order.
 */
export interface KnowledgeChunkStagingTable extends Omit<KnowledgeChunksTable, 'createdAt'> {
  taskId: string;
  attempt: number;
}

/** A chunk not yet in the database's full-text index (migration 0009). */
export interface KnowledgeChunksSearchBacklogTable {
  chunkId: number;
  knowledgeBaseId: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  refreshTokens: RefreshTokensTable;
  apiKeys: ApiKeysTable;
  passwordResets: PasswordResetsTable;
  outboxMails: OutboxMailsTable;
  chatbots: ChatbotsTable;
  personalities: PersonalitiesTable;
  llmProviders: LlmProvidersTable;
  llmConfigs: LlmConfigsTable;
  endUsers: EndUsersTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  messageRatings: MessageRatingsTable;
  idempotencyKeys: IdempotencyKeysTable;
  widgetKeys: WidgetKeysTable;
  widgetSettings: WidgetSettingsTable;
  knowledgeBases: KnowledgeBasesTable;
  chatbotKnowledgeBases: ChatbotKnowledgeBasesTable;
  knowledgeFiles: KnowledgeFilesTable;
  knowledgeItems: KnowledgeItemsTable;
  knowledgeLinks: KnowledgeLinksTable;
  knowledgeLinkPages: KnowledgeLinkPagesTable;
  knowledgeChunks: KnowledgeChunksTable;
  knowledgeChunkStaging: KnowledgeChunkStagingTable;
  knowledgeChunksSearchBacklog: KnowledgeChunksSearchBacklogTable;
}
