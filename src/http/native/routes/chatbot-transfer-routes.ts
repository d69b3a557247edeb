import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { exportFileName } from '../../../core/assistants/chatbot-export.js';
import { principalOf } from '../access.js';
import { success } from '../envelope.js';
import { ChatbotExportDocument, ChatbotWithPersonalitiesData } from '../schemas/chatbot-export-schemas.js';
import { IdParams, SuccessEnvelope, errorResponses } from '../schemas/common.js';

const tags = ['Chatbots'];

/** Export a chatbot as a JSON file and import such a file as a new chatbot (seed 003 #47). */
export default async function chatbotTransferRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { chatbotTransfer } = app.services;

  app.get(
    '/chatbots/:id/export',
    {
      schema: {
        tags,
        summary: 'Download the chatbot and its personalities as a JSON file (no ids, no secrets)',
        params: IdParams,
        response: { 200: ChatbotExportDocument, ...errorResponses },
      },
    },
    async (request, reply) => {
      const document = await chatbotTransfer.export(principalOf(request).user.id, request.params.id);
      return reply
        .header('content-disposition', `attachment; filename="${exportFileName(document.chatbot.name)}"`)
        .header('x-content-type-options', 'nosniff')
        .type('application/json; charset=utf-8')
        .send(document);
    },
  );

  app.post(
    '/chatbots/import',
    {
      schema: {
        tags,
        summary: 'Create a chatbot from an exported file; it starts on the built-in offline responder',
        body: ChatbotExportDocument,
        response: { 201: SuccessEnvelope(ChatbotWithPersonalitiesData), ...errorResponses },
      },
    },
    async (request, reply) => {
      const imported = await chatbotTransfer.import(principalOf(request).user.id, request.body);
      return reply.status(201).send(success(imported, 'Chatbot imported'));
    },
  );
}
