import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ArchiveFilter } from '../../../core/assistants/chatbot-service.js';
import { principalOf } from '../access.js';
import { messageOnly, paginated, success } from '../envelope.js';
import { Chatbot, ChatbotData, ChatbotListQuery, CreateChatbotBody, UpdateChatbotBody } from '../schemas/chatbot-schemas.js';
import { IdParams, MessageEnvelope, PaginatedEnvelope, SuccessEnvelope, errorResponses } from '../schemas/common.js';

const tags = ['Chatbots'];

const archiveFilters: Record<'false' | 'true' | 'all', ArchiveFilter> = {
  false: 'active',
  true: 'archived',
  all: 'all',
};

/** seed 004's chatbot routes. Every one acts only on the caller's own chatbots, admins included. */
export default async function chatbotRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { chatbots } = app.services;

  app.get(
    '/chatbots',
    {
      schema: {
        tags,
        summary: "List the caller's chatbots (archived ones only on request)",
        querystring: ChatbotListQuery,
        response: { 200: PaginatedEnvelope(Chatbot), ...errorResponses },
      },
    },
    async (request) => {
      const { page, limit, search, archived } = request.query;
      const query = { page, limit, search, archive: archiveFilters[archived] };
      return paginated(await chatbots.list(principalOf(request).user.id, query), query);
    },
  );

  app.post(
    '/chatbots',
    {
      schema: {
        tags,
        summary: 'Create a chatbot',
        body: CreateChatbotBody,
        response: { 201: SuccessEnvelope(ChatbotData), ...errorResponses },
      },
    },
    async (request, reply) => {
      const chatbot = await chatbots.create(principalOf(request).user.id, request.body);
      return reply.status(201).send(success({ chatbot }, 'Chatbot created'));
    },
  );

  app.get(
    '/chatbots/:id',
    {
      schema: {
        tags,
        summary: 'Get a chatbot',
        params: IdParams,
        response: { 200: SuccessEnvelope(ChatbotData), ...errorResponses },
      },
    },
    async (request) => success({ chatbot: await chatbots.get(principalOf(request).user.id, request.params.id) }),
  );

  app.put(
    '/chatbots/:id',
    {
      schema: {
        tags,
        summary: 'Update a chatbot (fields left out keep their value)',
        params: IdParams,
        body: UpdateChatbotBody,
        response: { 200: SuccessEnvelope(ChatbotData), ...errorResponses },
      },
    },
    async (request) => {
      const chatbot = await chatbots.update(principalOf(request).user.id, request.params.id, request.body);
      return success({ chatbot }, 'Chatbot updated');
    },
  );

  app.delete(
    '/chatbots/:id',
    {
      schema: {
        tags,
        summary: 'Delete a chatbot',
        params: IdParams,
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      await chatbots.delete(principalOf(request).user.id, request.params.id);
      return messageOnly('Chatbot deleted');
    },
  );
}
