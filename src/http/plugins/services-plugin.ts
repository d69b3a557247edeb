import { join } from 'node:path';
import fp from 'fastify-plugin';
import { AccessTokens } from '../../core/accounts/access-tokens.js';
import { AccountService } from '../../core/accounts/account-service.js';
import { ApiKeyService } from '../../core/accounts/api-key-service.js';
import { UserAdminService } from '../../core/accounts/user-admin-service.js';
import { ChatbotService } from '../../core/assistants/chatbot-service.js';
import { ChatbotTransferService } from '../../core/assistants/chatbot-transfer-service.js';
import { PersonalityService } from '../../core/assistants/personality-service.js';
import { ChatTurnService } from '../../core/conversations/chat-turn-service.js';
import { ConversationService } from '../../core/conversations/conversation-service.js';
import { RatingService } from '../../core/conversations/rating-service.js';
import { SecretBox } from '../../core/crypto/secret-box.js';
import { createKnowledgeServices, type KnowledgeServices } from '../../core/knowledge/knowledge-module.js';
import { OutboxMailer, SmtpMailer, type Mailer } from '../../core/mail/mailer.js';
import { LlmConfigService } from '../../core/providers/llm-config-service.js';
import { ModelResolver } from '../../core/providers/model-resolver.js';
import { ProviderCredentials } from '../../core/providers/provider-credentials.js';
import { ProviderService } from '../../core/providers/provider-service.js';
import { VisitorTokens } from '../../core/widgets/visitor-tokens.js';
import { WidgetChatService } from '../../core/widgets/widget-chat-service.js';
import { WidgetGateway } from '../../core/widgets/widget-gateway.js';
import { WidgetKeyService } from '../../core/widgets/widget-key-service.js';
import { WidgetSettingsService } from '../../core/widgets/widget-settings-service.js';
import { LocalBlobStorage } from '../../storage/blobs/local-blob-storage.js';

export interface Services {
  accounts: AccountService;
  apiKeys: ApiKeyService;
  userAdmin: UserAdminService;
  mailer: Mailer;
  chatbots: ChatbotService;
  chatbotTransfer: ChatbotTransferService;
  personalities: PersonalityService;
  llmProviders: ProviderService;
  llmConfigs: LlmConfigService;
  /** The one way to get a language model for a user: see {@link ModelResolver}. */
  modelResolver: ModelResolver;
  /** Sends to chatbots: see {@link ChatTurnService}. */
  chatTurns: ChatTurnService;
  conversations: ConversationService;
  ratings: RatingService;
  widgetKeys: WidgetKeyService;
  widgetSettings: WidgetSettingsService;
  /** The widget API's gate: publishable key, origin, live chatbot. */
  widgetGateway: WidgetGateway;
  /** Chat for anonymous widget visitors, over the conversation services. */
  widgetChat: WidgetChatService;
  /** Knowledge bases, their sources, background ingestion, search and the grounding retriever. */
  knowledge: KnowledgeServices;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}

/** Builds the domain services once, over the store; every API surface uses these same instances. */
export default fp(
  async (app) => {
    const { config, store } = app;
    const mailer = config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new OutboxMailer(store.outbox);
    const accessTokens = new AccessTokens(config.secretKey, config.accessTokenTtlSeconds);
    const secretBox = new SecretBox(config.secretKey);
    const providerCredentials = new ProviderCredentials(store, secretBox);
    const providerNetwork = { allowedPrivateHosts: config.allowedPrivateHosts };
    const chatbots = new ChatbotService(store);
    const modelResolver = new ModelResolver(providerCredentials, providerNetwork);
    const knowledge = createKnowledgeServices({
      store,
      jobs: app.jobs,
      blobs: new LocalBlobStorage(join(config.dataDir, 'blobs')),
      credentials: providerCredentials,
      allowedPrivateHosts: config.allowedPrivateHosts,
      maximumUploadBytes: config.uploadLimitBytes,
      resyncIntervalMs: config.linkResyncIntervalSeconds * 1000,
      indexDirectory: join(config.dataDir, 'indexes'),
      onError: (error) => app.log.error({ err: error }, 'knowledge background work failed'),
    });
    const chatTurns = new ChatTurnService(
      store,
      chatbots,
      (userId, model) => modelResolver.resolve(userId, model),
      (ownerId, chatbotId, question) => knowledge.retriever.retrieveForChatbot(ownerId, chatbotId, question),
    );
    const conversations = new ConversationService(store);
    const widgetSettings = new WidgetSettingsService(store);
    // Runs after the job queue's own onReady (the jobs plugin is registered first) has started it;
    // onClose hooks run in reverse, so the re-sync scheduler stops before the queue closes.
    app.addHook('onReady', async () => {
      await knowledge.reconcile();
      knowledge.linkResync.start();
      knowledge.fullText.start();
    });
    app.addHook('onClose', async () => {
      await knowledge.linkResync.stop();
      await knowledge.close();
    });
    app.decorate('services', {
      accounts: new AccountService(store, accessTokens, mailer, {
        refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
        passwordResetTtlSeconds: config.passwordResetTtlSeconds,
        publicUrl: config.publicUrl,
        registrationOpen: config.registrationOpen,
      }),
      apiKeys: new ApiKeyService(store),
      userAdmin: new UserAdminService(store),
      mailer,
      chatbots,
      chatbotTransfer: new ChatbotTransferService(store),
      personalities: new PersonalityService(store),
      llmProviders: new ProviderService(store, providerCredentials, providerNetwork),
      llmConfigs: new LlmConfigService(store, secretBox),
      modelResolver,
      chatTurns,
      conversations,
      ratings: new RatingService(store),
      widgetKeys: new WidgetKeyService(store),
      widgetSettings,
      widgetGateway: new WidgetGateway(store),
      widgetChat: new WidgetChatService(chatbots, widgetSettings, conversations, chatTurns, new VisitorTokens(config.secretKey)),
      knowledge,
    });
  },
  { name: 'services', dependencies: ['config', 'store', 'jobs'] },
);
