import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { messageOnly, success } from '../envelope.js';
import { principalOf } from '../access.js';
import { IdParams, MessageEnvelope, SuccessEnvelope, errorResponses } from '../schemas/common.js';
import { ApiKey, CreateApiKeyBody } from '../schemas/account-schemas.js';

const tags = ['Authentication'];

/** API keys of the signed-in user. Managing keys needs a session: a key cannot mint keys. */
export default async function apiKeyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { apiKeys } = app.services;

  app.post(
    '/auth/api-key',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Generate an API key (the secret is shown only in this response)',
        body: CreateApiKeyBody,
        response: {
          201: SuccessEnvelope(Type.Object({ apiKey: ApiKey, key: Type.String() })),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { key, ...apiKey } = await apiKeys.create(principalOf(request).user.id, request.body);
      return reply.status(201).send(success({ apiKey, key }, 'Store this key now: it will not be shown again'));
    },
  );

  app.get(
    '/auth/api-key',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: "List the current user's API keys (masked)",
        response: { 200: SuccessEnvelope(Type.Array(ApiKey)), ...errorResponses },
      },
    },
    async (request) => success(await apiKeys.list(principalOf(request).user.id)),
  );

  app.delete(
    '/auth/api-key/:id',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Revoke an API key',
        params: IdParams,
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      await apiKeys.revoke(principalOf(request).user.id, request.params.id);
      return messageOnly('API key revoked');
    },
  );
}
