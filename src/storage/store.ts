import type { Kysely } from 'kysely';
import { connectDatabase, type ConnectOptions, type StorageCapabilities } from './dialect.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';
import { ApiKeysRepository } from './repositories/api-keys-repository.js';
import { ChatbotsRepository } from './repositories/chatbots-repository.js';
import { LlmConfigsRepository } from './repositories/llm-configs-repository.js';
import { LlmProvidersRepository } from './repositories/llm-providers-repository.js';
import { OutboxRepository } from './repositories/outbox-repository.js';
import { PasswordResetsRepository } from './repositories/password-resets-repository.js';
import { PersonalitiesRepository } from './repositories/personalities-repository.js';
import { SessionsRepository } from './repositories/sessions-repository.js';
import { UsersRepository } from './repositories/users-repository.js';
import { ConversationsRepository } from './repositories/conversations-repository.js';
import { EndUsersRepository } from './repositories/end-users-repository.js';
import { IdempotencyKeysRepository } from './repositories/idempotency-keys-repository.js';
import { MessageRatingsRepository } from './repositories/message-ratings-repository.js';
import { MessagesRepository } from './repositories/messages-repository.js';
import { WidgetKeysRepository } from './repositories/widget-keys-repository.js';
import { WidgetSettingsRepository } from './repositories/widget-settings-repository.js';
import { KnowledgeBasesRepository } from './repositories/knowledge-bases-repository.js';
import { KnowledgeChunkStagingRepository } from './repositories/knowledge-chunk-staging-repository.js';
import { KnowledgeChunksRepository } from './repositories/knowledge-chunks-repository.js';
import { KnowledgeFilesRepository } from './repositories/knowledge-files-repository.js';
import { KnowledgeItemsRepository } from './repositories/knowledge-items-repository.js';
import { KnowledgeLinkPagesRepository } from './repositories/knowledge-link-pages-repository.js';
import { KnowledgeLinksRepository } from './repositories/knowledge-links-repository.js';
import { KnowledgeSourcesRepository } from './repositories/knowledge-sources-repository.js';

/** The repositories, bound to one executor: the pool, or a transaction. */
export class Repositories {
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  readonly apiKeys: ApiKeysRepository;
  readonly passwordResets: PasswordResetsRepository;
  readonly outbox: OutboxRepository;
  readonly chatbots: ChatbotsRepository;
  readonly personalities: PersonalitiesRepository;
  readonly llmProviders: LlmProvidersRepository;
  readonly llmConfigs: LlmConfigsRepository;
  readonly endUsers: EndUsersRepository;
  readonly conversations: ConversationsRepository;
  readonly messages: MessagesRepository;
  readonly messageRatings: MessageRatingsRepository;
  readonly idempotencyKeys: IdempotencyKeysRepository;
  readonly widgetKeys: WidgetKeysRepository;
  readonly widgetSettings: WidgetSettingsRepository;
  readonly knowledgeBases: KnowledgeBasesRepository;
  readonly knowledgeSources: KnowledgeSourcesRepository;
  readonly knowledgeFiles: KnowledgeFilesRepository;
  readonly knowledgeItems: KnowledgeItemsRepository;
  readonly knowledgeLinks: KnowledgeLinksRepository;
  readonly knowledgeLinkPages: KnowledgeLinkPagesRepository;
  readonly knowledgeChunks: KnowledgeChunksRepository;
  readonly knowledgeChunkStaging: KnowledgeChunkStagingRepository;

  constructor(db: Kysely<Database>, capabilities: StorageCapabilities) {
    this.users = new UsersRepository(db);
    this.sessions = new SessionsRepository(db);
    this.apiKeys = new ApiKeysRepository(db);
    this.passwordResets = new PasswordResetsRepository(db);
    this.outbox = new OutboxRepository(db);
    this.chatbots = new ChatbotsRepository(db);
    this.personalities = new PersonalitiesRepository(db);
    this.llmProviders = new LlmProvidersRepository(db);
    this.llmConfigs = new LlmConfigsRepository(db);
    this.endUsers = new EndUsersRepository(db);
    this.conversations = new ConversationsRepository(db);
    this.messages = new MessagesRepository(db);
    this.messageRatings = new MessageRatingsRepository(db);
    this.idempotencyKeys = new IdempotencyKeysRepository(db);
    this.widgetKeys = new WidgetKeysRepository(db);
    this.widgetSettings = new WidgetSettingsRepository(db);
    this.knowledgeBases = new KnowledgeBasesRepository(db);
    this.knowledgeSources = new KnowledgeSourcesRepository(db);
    this.knowledgeFiles = new KnowledgeFilesRepository(db);
    this.knowledgeItems = new KnowledgeItemsRepository(db);
    this.knowledgeLinks = new KnowledgeLinksRepository(db);
    this.knowledgeLinkPages = new KnowledgeLinkPagesRepository(db);
    this.knowledgeChunks = new KnowledgeChunksRepository(db, capabilities);
    this.knowledgeChunkStaging = new KnowledgeChunkStagingRepository(db, capabilities);
  }
}

/**
 * The one store of the platform: SQLite or PostgreSQL behind the same repositories. Services use
 * `transaction` when several writes must land together or not at all.
 */
export class Store extends Repositories {
  private constructor(
    private readonly db: Kysely<Database>,
    readonly capabilities: StorageCapabilities,
    readonly ping: () => Promise<void>,
    readonly close: () => Promise<void>,
  ) {
    super(db, capabilities);
  }

  static async open(options: ConnectOptions & { migrate?: boolean }): Promise<Store> {
    const connection = await connectDatabase(options);
    const store = new Store(connection.db, connection.capabilities, connection.ping, connection.close);
    if (options.migrate !== false) await store.migrate();
    return store;
  }

  async migrate(): Promise<string[]> {
    const result = await migrateToLatest(this.db as Kysely<unknown>, this.capabilities);
    return (result.results ?? []).map((migration) => migration.migrationName);
  }

  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((transaction) => work(new Repositories(transaction, this.capabilities)));
  }

  isUniqueViolation(error: unknown): boolean {
    return this.capabilities.isUniqueViolation(error);
  }
}
