import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalOf } from '../access.js';
import { messageOnly, paginated, success } from '../envelope.js';
import { IdParams, MessageEnvelope, PaginatedEnvelope, SuccessEnvelope, errorResponses } from '../schemas/common.js';
import {
  CreateKnowledgeBaseBody,
  KnowledgeBase,
  KnowledgeBaseData,
  KnowledgeBaseListQuery,
  UpdateKnowledgeBaseBody,
} from '../schemas/knowledge-base-schemas.js';

const tags = ['Knowledge bases'];

/** The caller's knowledge bases: seed 004's routes plus seed 003's listing with counts. */
export default async function knowledgeBaseRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { knowledgeBases } = app.services.knowledge;

  app.get(
    '/knowledge-bases',
    {
      schema: {
        tags,
        summary: "List the caller's knowledge bases with counts of files, spreadsheets, links and items",
        querystring: KnowledgeBaseListQuery,
        response: { 200: PaginatedEnvelope(KnowledgeBase), ...errorResponses },
      },
    },
    async (request) => paginated(await knowledgeBases.list(principalOf(request).user.id, request.query), request.query),
  );

  app.post(
    '/knowledge-bases',
    {
      schema: {
        tags,
        summary: 'Create a knowledge base (settings left out get their defaults)',
        body: CreateKnowledgeBaseBody,
        response: { 201: SuccessEnvelope(KnowledgeBaseData), ...errorResponses },
      },
    },
    async (request, reply) => {
      const knowledgeBase = await knowledgeBases.create(principalOf(request).user.id, request.body);
      return reply.status(201).send(success({ knowledgeBase }, 'Knowledge base created'));
    },
  );

  app.get(
    '/knowledge-bases/:id',
    {
      schema: {
        tags,
        summary: 'Get a knowledge base',
        params: IdParams,
        response: { 200: SuccessEnvelope(KnowledgeBaseData), ...errorResponses },
      },
    },
    async (request) => success({ knowledgeBase: await knowledgeBases.get(principalOf(request).user.id, request.params.id) }),
  );

  app.put(
    '/knowledge-bases/:id',
    {
      schema: {
        tags,
        summary: 'Update a knowledge base; new chunking or embedding settings re-process its sources in the background',
        params: IdParams,
        body: UpdateKnowledgeBaseBody,
        response: { 200: SuccessEnvelope(KnowledgeBaseData), ...errorResponses },
      },
    },
    async (request) => {
      const knowledgeBase = await knowledgeBases.update(principalOf(request).user.id, request.params.id, request.body);
      return success({ knowledgeBase }, 'Knowledge base updated');
    },
  );

  app.delete(
    '/knowledge-bases/:id',
    {
      schema: {
        tags,
        summary: 'Delete a knowledge base with its files, items, links and chunks',
        params: IdParams,
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      await knowledgeBases.delete(principalOf(request).user.id, request.params.id);
      return messageOnly('Knowledge base deleted');
    },
  );
}
