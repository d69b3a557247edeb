import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../access.js';
import { messageOnly, success } from '../envelope.js';
import { MessageEnvelope, SuccessEnvelope, errorResponses } from '../schemas/common.js';
import {
  ChatbotIdParams,
  ChatbotKnowledgeBaseParams,
  CreateKnowledgeBaseBody,
  KnowledgeBase,
  KnowledgeBaseData,
} from '../schemas/knowledge-base-schemas.js';

const tags = ['Knowledge bases'];

/** Which knowledge bases a chatbot answers from (many-to-many), seed 004's chatbot-scoped routes. */
export default async function chatbotKnowledgeBaseRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { knowledgeBases } = app.services.knowledge;

  app.get(
    '/chatbots/:chatbotId/knowledge-bases',
    {
      schema: {
        tags,
        summary: 'List the knowledge bases attached to a chatbot',
        params: ChatbotIdParams,
        response: { 200: SuccessEnvelope(Type.Array(KnowledgeBase)), ...errorResponses },
      },
    },
    async (request) => success(await knowledgeBases.listForChatbot(principalOf(request).user.id, request.params.chatbotId)),
  );

  app.post(
    '/chatbots/:chatbotId/knowledge-bases',
    {
      schema: {
        tags,
        summary: 'Create a knowledge base attached to the chatbot',
        params: ChatbotIdParams,
        body: CreateKnowledgeBaseBody,
        response: { 201: SuccessEnvelope(KnowledgeBaseData), ...errorResponses },
      },
    },
    async (request, reply) => {
      const ownerId = principalOf(request).user.id;
      const knowledgeBase = await knowledgeBases.createForChatbot(ownerId, request.params.chatbotId, request.body);
      return reply.status(201).send(success({ knowledgeBase }, 'Knowledge base created'));
    },
  );

  app.put(
    '/chatbots/:chatbotId/knowledge-bases/:id',
    {
      schema: {
        tags,
        summary: 'Attach one of your knowledge bases to the chatbot (attaching twice is harmless)',
        params: ChatbotKnowledgeBaseParams,
        response: { 200: SuccessEnvelope(KnowledgeBaseData), ...errorResponses },
      },
    },
    async (request) => {
      const { chatbotId, id } = request.params;
      const knowledgeBase = await knowledgeBases.attach(principalOf(request).user.id, chatbotId, id);
      return success({ knowledgeBase }, 'Knowledge base attached');
    },
  );

  app.delete(
    '/chatbots/:chatbotId/knowledge-bases/:id',
    {
      schema: {
        tags,
        summary: 'Detach a knowledge base from the chatbot (the knowledge base itself stays)',
        params: ChatbotKnowledgeBaseParams,
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      await knowledgeBases.detach(principalOf(request).user.id, request.params.chatbotId, request.params.id);
      return messageOnly('Knowledge base detached');
    },
  );
}
