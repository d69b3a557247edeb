import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../access.js';
import { messageOnly, success } from '../envelope.js';
import { IdParams, MessageEnvelope, SuccessEnvelope, errorResponses } from '../schemas/common.js';
import { CreateLinkBody, KnowledgeLink, KnowledgeLinkData, LinkParams } from '../schemas/knowledge-source-schemas.js';

const tags = ['Knowledge links'];

/** seed 003's links: web pages fetched and indexed in the background. */
export default async function knowledgeLinkRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { links } = app.services.knowledge;

  app.get(
    '/knowledge-bases/:id/links',
    {
      schema: {
        tags,
        summary: "List a knowledge base's links",
        params: IdParams,
        response: { 200: SuccessEnvelope(Type.Array(KnowledgeLink)), ...errorResponses },
      },
    },
    async (request) => success(await links.list(principalOf(request).user.id, request.params.id)),
  );

  app.post(
    '/knowledge-bases/:id/links',
    {
      schema: {
        tags,
        summary: 'Add a link; the page is fetched and indexed in the background',
        params: IdParams,
        body: CreateLinkBody,
        response: { 201: SuccessEnvelope(KnowledgeLinkData), ...errorResponses },
      },
    },
    async (request, reply) => {
      const link = await links.add(principalOf(request).user.id, request.params.id, request.body);
      return reply.status(201).send(success({ link }, 'Link added'));
    },
  );

  app.delete(
    '/knowledge-bases/:id/links/:linkId',
    {
      schema: {
        tags,
        summary: 'Delete a link with its chunks',
        params: LinkParams,
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const { id, linkId } = request.params;
      await links.delete(principalOf(request).user.id, id, linkId);
      return messageOnly('Link deleted');
    },
  );
}
