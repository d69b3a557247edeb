import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalOf } from '../access.js';
import { messageOnly, paginated, success } from '../envelope.js';
import { IdParams, MessageEnvelope, PaginatedEnvelope, SuccessEnvelope, errorResponses } from '../schemas/common.js';
import {
  CreateLlmProviderBody,
  LlmProvider,
  LlmProviderData,
  LlmProviderListQuery,
  ModelListData,
  UpdateLlmProviderBody,
} from '../schemas/llm-provider-schemas.js';

const tags = ['LLM providers'];

/**
 * LLM providers (seed 002): the global ones an admin defines and the caller's private ones.
 * Another user's private provider answers 404; changing a global one without being admin, 403.
 */
export default async function llmProviderRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { llmProviders } = app.services;

  app.get(
    '/llm-providers',
    {
      schema: {
        tags,
        summary: "List the global LLM providers and the caller's private ones",
        querystring: LlmProviderListQuery,
        response: { 200: PaginatedEnvelope(LlmProvider), ...errorResponses },
      },
    },
    async (request) => paginated(await llmProviders.list(principalOf(request), request.query), request.query),
  );

  app.post(
    '/llm-providers',
    {
      schema: {
        tags,
        summary: 'Create a private LLM provider, or a global one (admins only)',
        body: CreateLlmProviderBody,
        response: { 201: SuccessEnvelope(LlmProviderData), ...errorResponses },
      },
    },
    async (request, reply) => {
      const llmProvider = await llmProviders.create(principalOf(request), request.body);
      return reply.status(201).send(success({ llmProvider }, 'LLM provider created'));
    },
  );

  app.get(
    '/llm-providers/:id',
    {
      schema: {
        tags,
        summary: 'Get an LLM provider',
        params: IdParams,
        response: { 200: SuccessEnvelope(LlmProviderData), ...errorResponses },
      },
    },
    async (request) => success({ llmProvider: await llmProviders.get(principalOf(request), request.params.id) }),
  );

  app.put(
    '/llm-providers/:id',
    {
      schema: {
        tags,
        summary: 'Rename an LLM provider or change its endpoint (its type is fixed)',
        params: IdParams,
        body: UpdateLlmProviderBody,
        response: { 200: SuccessEnvelope(LlmProviderData), ...errorResponses },
      },
    },
    async (request) => {
      const llmProvider = await llmProviders.update(principalOf(request), request.params.id, request.body);
      return success({ llmProvider }, 'LLM provider updated');
    },
  );

  app.delete(
    '/llm-providers/:id',
    {
      schema: {
        tags,
        summary: 'Delete an LLM provider and every API key saved for it',
        params: IdParams,
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      await llmProviders.delete(principalOf(request), request.params.id);
      return messageOnly('LLM provider deleted');
    },
  );

  app.get(
    '/llm-providers/:id/models',
    {
      schema: {
        tags,
        summary: "List the provider's models, asked with the caller's own API key",
        params: IdParams,
        response: { 200: SuccessEnvelope(ModelListData), ...errorResponses },
      },
    },
    async (request) => {
      const models = await llmProviders.listModels(principalOf(request), request.params.id);
      return success({ models: models ?? null });
    },
  );
}
