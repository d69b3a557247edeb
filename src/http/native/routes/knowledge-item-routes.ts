import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../access.js';
import { messageOnly, success } from '../envelope.js';
import { IdParams, MessageEnvelope, SuccessEnvelope, errorResponses } from '../schemas/common.js';
import { CreateItemBody, ItemParams, KnowledgeItem, KnowledgeItemData, UpdateItemBody } from '../schemas/knowledge-source-schemas.js';

const tags = ['Knowledge items'];

/** seed 004's knowledge items: text and question/answer pairs, indexed in the background. */
export default async function knowledgeItemRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { items } = app.services.knowledge;

  app.get(
    '/knowledge-bases/:id/items',
    {
      schema: {
        tags,
        summary: "List a knowledge base's items",
        params: IdParams,
        response: { 200: SuccessEnvelope(Type.Array(KnowledgeItem)), ...errorResponses },
      },
    },
    async (request) => success(await items.list(principalOf(request).user.id, request.params.id)),
  );

  app.post(
    '/knowledge-bases/:id/items',
    {
      schema: {
        tags,
        summary: 'Add a text item or a question/answer pair',
        params: IdParams,
        body: CreateItemBody,
        response: { 201: SuccessEnvelope(KnowledgeItemData), ...errorResponses },
      },
    },
    async (request, reply) => {
      const item = await items.create(principalOf(request).user.id, request.params.id, request.body);
      return reply.status(201).send(success({ item }, 'Knowledge item added'));
    },
  );

  app.get(
    '/knowledge-bases/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Get a knowledge item with its processing status',
        params: ItemParams,
        response: { 200: SuccessEnvelope(KnowledgeItemData), ...errorResponses },
      },
    },
    async (request) => {
      const { id, itemId } = request.params;
      return success({ item: await items.get(principalOf(request).user.id, id, itemId) });
    },
  );

  app.put(
    '/knowledge-bases/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Update a knowledge item (fields left out keep their value); new content is re-indexed',
        params: ItemParams,
        body: UpdateItemBody,
        response: { 200: SuccessEnvelope(KnowledgeItemData), ...errorResponses },
      },
    },
    async (request) => {
      const { id, itemId } = request.params;
      const item = await items.update(principalOf(request).user.id, id, itemId, request.body);
      return success({ item }, 'Knowledge item updated');
    },
  );

  app.delete(
    '/knowledge-bases/:id/items/:itemId',
    {
      schema: {
        tags,
        summary: 'Delete a knowledge item with its chunks',
        params: ItemParams,
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      const { id, itemId } = request.params;
      await items.delete(principalOf(request).user.id, id, itemId);
      return messageOnly('Knowledge item deleted');
    },
  );
}
