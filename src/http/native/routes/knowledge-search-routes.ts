import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../access.js';
import { success } from '../envelope.js';
import { IdParams, SuccessEnvelope, errorResponses } from '../schemas/common.js';
import { Passage, SearchQuery, TaskData, TaskParams } from '../schemas/knowledge-search-schemas.js';

/** Searching a knowledge base (seed 004) and following background tasks (seed 003 #37). */
export default async function knowledgeSearchRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { retriever, tasks } = app.services.knowledge;

  app.get(
    '/knowledge-bases/:id/search',
    {
      schema: {
        tags: ['Knowledge bases'],
        summary: 'Search a knowledge base: scored passages with their source and location, best first',
        params: IdParams,
        querystring: SearchQuery,
        response: { 200: SuccessEnvelope(Type.Array(Passage)), ...errorResponses },
      },
    },
    async (request) => {
      const { q, topK, method } = request.query;
      return success(await retriever.search(principalOf(request).user.id, request.params.id, q, { topK, method }));
    },
  );

  app.get(
    '/tasks/:id',
    {
      schema: {
        tags: ['Tasks'],
        summary: 'Status, progress and result of one of your background tasks',
        params: TaskParams,
        response: { 200: SuccessEnvelope(TaskData), ...errorResponses },
      },
    },
    async (request) => success({ task: await tasks.get(principalOf(request).user.id, request.params.id) }),
  );
}
