import type { FastifyInstance } from 'fastify';
import { installAccessControl } from './access.js';
import { installNativeErrorHandling } from './error-handler.js';
import { installRateLimiting } from './rate-limiting.js';
import adminUserRoutes from './routes/admin-user-routes.js';
import apiKeyRoutes from './routes/api-key-routes.js';
import authRoutes from './routes/auth-routes.js';
import chatbotLifecycleRoutes from './routes/chatbot-lifecycle-routes.js';
import chatbotRoutes from './routes/chatbot-routes.js';
import chatbotTransferRoutes from './routes/chatbot-transfer-routes.js';
import chatbotKnowledgeBaseRoutes from './routes/chatbot-knowledge-base-routes.js';
import knowledgeBaseRoutes from './routes/knowledge-base-routes.js';
import knowledgeFileRoutes from './routes/knowledge-file-routes.js';
import knowledgeItemRoutes from './routes/knowledge-item-routes.js';
import knowledgeLinkRoutes from './routes/knowledge-link-routes.js';
import knowledgeSearchRoutes from './routes/knowledge-search-routes.js';
import conversationRoutes from './routes/conversation-routes.js';
import conversationSendRoutes from './routes/conversation-send-routes.js';
import healthRoutes from './routes/health-routes.js';
import llmConfigRoutes from './routes/llm-config-routes.js';
import llmProviderRoutes from './routes/llm-provider-routes.js';
import personalityRoutes from './routes/personality-routes.js';
import responseRatingRoutes from './routes/response-rating-routes.js';
import widgetKeyRoutes from './routes/widget-key-routes.js';

/**
 * The native API (seed 004's style), mounted at /api/v1 as its own encapsulated context: its own
 * error format, access control and rate limits apply to every route registered here.
 */
export default async function nativeApi(app: FastifyInstance): Promise<void> {
  installNativeErrorHandling(app);
  installAccessControl(app);
  installRateLimiting(app);

  app.get('/openapi.json', { config: { access: 'public', rateLimit: 'none' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  await app.register(authRoutes);
  await app.register(apiKeyRoutes);
  await app.register(adminUserRoutes);
  await app.register(healthRoutes);
  await app.register(chatbotRoutes);
  await app.register(chatbotLifecycleRoutes);
  await app.register(chatbotTransferRoutes);
  await app.register(personalityRoutes);
  await app.register(conversationSendRoutes);
  await app.register(conversationRoutes);
  await app.register(responseRatingRoutes);
  await app.register(llmProviderRoutes);
  await app.register(llmConfigRoutes);
  await app.register(widgetKeyRoutes);
  await app.register(knowledgeBaseRoutes);
  await app.register(chatbotKnowledgeBaseRoutes);
  await app.register(knowledgeFileRoutes);
  await app.register(knowledgeItemRoutes);
  await app.register(knowledgeLinkRoutes);
  await app.register(knowledgeSearchRoutes);
}
