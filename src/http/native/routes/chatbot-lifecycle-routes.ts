import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalOf } from '../access.js';
import { success } from '../envelope.js';
import { ChatbotData, FinalPromptData } from '../schemas/chatbot-schemas.js';
import { ChatbotWithPersonalitiesData } from '../schemas/chatbot-export-schemas.js';
import { IdParams, SuccessEnvelope, errorResponses } from '../schemas/common.js';

const tags = ['Chatbots'];

/** Archive, restore and duplicate a chatbot (seed 003 #46, #48), and preview its final prompt (#23). */
export default async function chatbotLifecycleRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { chatbots, chatbotTransfer } = app.services;

  app.post(
    '/chatbots/:id/archive',
    {
      schema: {
        tags,
        summary: 'Archive a chatbot: it leaves the default listing but keeps its configuration',
        params: IdParams,
        response: { 200: SuccessEnvelope(ChatbotData), ...errorResponses },
      },
    },
    async (request) => {
      const chatbot = await chatbots.archive(principalOf(request).user.id, request.params.id);
      return success({ chatbot }, 'Chatbot archived');
    },
  );

  app.post(
    '/chatbots/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore an archived chatbot',
        params: IdParams,
        response: { 200: SuccessEnvelope(ChatbotData), ...errorResponses },
      },
    },
    async (request) => {
      const chatbot = await chatbots.restore(principalOf(request).user.id, request.params.id);
      return success({ chatbot }, 'Chatbot restored');
    },
  );

  app.post(
    '/chatbots/:id/duplicate',
    {
      schema: {
        tags,
        summary: 'Duplicate a chatbot with its personalities; the copy is named "<name> (Copy)"',
        params: IdParams,
        response: { 201: SuccessEnvelope(ChatbotWithPersonalitiesData), ...errorResponses },
      },
    },
    async (request, reply) => {
      const copy = await chatbotTransfer.duplicate(principalOf(request).user.id, request.params.id);
      return reply.status(201).send(success(copy, 'Chatbot duplicated'));
    },
  );

  app.get(
    '/chatbots/:id/final-prompt',
    {
      schema: {
        tags,
        summary: 'The system prompt the chatbot answers with, using its default personality',
        params: IdParams,
        response: { 200: SuccessEnvelope(FinalPromptData), ...errorResponses },
      },
    },
    async (request) => {
      const finalPrompt = await chatbots.finalPrompt(principalOf(request).user.id, request.params.id);
      return success({ finalPrompt });
    },
  );
}
