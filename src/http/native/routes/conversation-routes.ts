import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { EndUserReference } from '../../../core/conversations/conversation.js';
import { principalOf } from '../access.js';
import { messageOnly, paginated, success } from '../envelope.js';
import { IdParams, MessageEnvelope, PaginatedEnvelope, SuccessEnvelope, errorResponses } from '../schemas/common.js';
import {
  ChatbotIdParams,
  Conversation,
  ConversationData,
  ConversationListQuery,
  ConversationViewQuery,
  HistoryQuery,
  Message,
} from '../schemas/conversation-schemas.js';

const tags = ['Conversations'];

const apiEndUser = (externalId: string | undefined): EndUserReference | undefined =>
  externalId === undefined ? undefined : { kind: 'api', externalId };

/** Reading and deleting conversations of the caller's chatbots. */
export default async function conversationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { conversations } = app.services;

  app.get(
    '/chatbots/:id/conversation/history',
    {
      schema: {
        tags,
        summary: "A conversation's current branch, oldest first; without conversationId, the caller's conversations",
        params: ChatbotIdParams,
        querystring: HistoryQuery,
        response: { 200: PaginatedEnvelope(Type.Union([Message, Conversation])), ...errorResponses },
      },
    },
    async (request) => {
      const { page, limit, conversationId, endUserId } = request.query;
      const ownerId = principalOf(request).user.id;
      const chatbotId = request.params.id;
      if (conversationId) return paginated(await conversations.history(ownerId, chatbotId, conversationId, { page, limit }), { page, limit });
      const query = { page, limit, startedBy: ownerId, endUser: apiEndUser(endUserId) };
      return paginated(await conversations.list(ownerId, chatbotId, query), query);
    },
  );

  app.get(
    '/chatbots/:id/conversations',
    {
      schema: {
        tags,
        summary: "A chatbot's conversations, most recently active first",
        params: ChatbotIdParams,
        querystring: ConversationListQuery,
        response: { 200: PaginatedEnvelope(Conversation), ...errorResponses },
      },
    },
    async (request) => {
      const { page, limit, endUserId } = request.query;
      const query = { page, limit, endUser: apiEndUser(endUserId) };
      return paginated(await conversations.list(principalOf(request).user.id, request.params.id, query), query);
    },
  );

  app.get(
    '/conversations/:id',
    {
      schema: {
        tags,
        summary: 'A conversation with its message tree, or one branch of it',
        params: IdParams,
        querystring: ConversationViewQuery,
        response: { 200: SuccessEnvelope(ConversationData), ...errorResponses },
      },
    },
    async (request) => {
      const { view, leafId } = request.query;
      const selection = view === 'tree' ? { view } : { view, leafId };
      return success(await conversations.get(principalOf(request).user.id, request.params.id, selection));
    },
  );

  app.delete(
    '/conversations/:id',
    {
      schema: {
        tags,
        summary: 'Delete a conversation with its messages and ratings',
        params: IdParams,
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      await conversations.delete(principalOf(request).user.id, request.params.id);
      return messageOnly('Conversation deleted');
    },
  );
}
