import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalOf } from '../access.js';
import { messageOnly, paginated, success } from '../envelope.js';
import { IdParams, MessageEnvelope, PaginatedEnvelope, SuccessEnvelope, errorResponses } from '../schemas/common.js';
import {
  CreateLlmConfigBody,
  LlmConfig,
  LlmConfigData,
  LlmConfigListQuery,
  UpdateLlmConfigBody,
} from '../schemas/llm-config-schemas.js';

const tags = ['LLM configs'];

/**
 * The caller's own API keys for LLM providers (seed 002's user LLM configs). Keys go in and
 * never come out: every response carries the mask only.
 */
export default async function llmConfigRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { llmConfigs } = app.services;

  app.get(
    '/llm-configs',
    {
      schema: {
        tags,
        summary: "List the caller's provider API keys (masked)",
        querystring: LlmConfigListQuery,
        response: { 200: PaginatedEnvelope(LlmConfig), ...errorResponses },
      },
    },
    async (request) => paginated(await llmConfigs.list(principalOf(request).user.id, request.query), request.query),
  );

  app.post(
    '/llm-configs',
    {
      schema: {
        tags,
        summary: "Save the caller's API key for a provider (201), or replace the one saved (200)",
        body: CreateLlmConfigBody,
        response: { 200: SuccessEnvelope(LlmConfigData), 201: SuccessEnvelope(LlmConfigData), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { config, created } = await llmConfigs.save(principalOf(request).user.id, request.body);
      return reply
        .status(created ? 201 : 200)
        .send(success({ llmConfig: config }, created ? 'API key saved' : 'API key replaced'));
    },
  );

  app.get(
    '/llm-configs/:id',
    {
      schema: {
        tags,
        summary: "Get one of the caller's provider API keys (masked)",
        params: IdParams,
        response: { 200: SuccessEnvelope(LlmConfigData), ...errorResponses },
      },
    },
    async (request) => success({ llmConfig: await llmConfigs.get(principalOf(request).user.id, request.params.id) }),
  );

  app.put(
    '/llm-configs/:id',
    {
      schema: {
        tags,
        summary: 'Replace the API key',
        params: IdParams,
        body: UpdateLlmConfigBody,
        response: { 200: SuccessEnvelope(LlmConfigData), ...errorResponses },
      },
    },
    async (request) => {
      const llmConfig = await llmConfigs.updateKey(principalOf(request).user.id, request.params.id, request.body.apiKey);
      return success({ llmConfig }, 'API key replaced');
    },
  );

  app.delete(
    '/llm-configs/:id',
    {
      schema: {
        tags,
        summary: 'Delete the API key',
        params: IdParams,
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      await llmConfigs.delete(principalOf(request).user.id, request.params.id);
      return messageOnly('API key deleted');
    },
  );
}
