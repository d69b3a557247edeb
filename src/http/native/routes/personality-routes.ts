import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../access.js';
import { messageOnly, success } from '../envelope.js';
import { IdParams, MessageEnvelope, SuccessEnvelope, errorResponses } from '../schemas/common.js';
import {
  ChatbotIdParams,
  CreatePersonalityBody,
  Personality,
  PersonalityData,
  PromptModifierData,
  UpdatePersonalityBody,
} from '../schemas/personality-schemas.js';

const tags = ['Personalities'];

/** seed 004's eight personality routes, reached through the caller's own chatbots. */
export default async function personalityRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { personalities } = app.services;

  app.get(
    '/chatbots/:chatbotId/personalities',
    {
      schema: {
        tags,
        summary: "List a chatbot's personalities, the default first",
        params: ChatbotIdParams,
        response: { 200: SuccessEnvelope(Type.Array(Personality)), ...errorResponses },
      },
    },
    async (request) => success(await personalities.list(principalOf(request).user.id, request.params.chatbotId)),
  );

  app.post(
    '/chatbots/:chatbotId/personalities',
    {
      schema: {
        tags,
        summary: 'Create a personality for a chatbot (its first one becomes the default)',
        params: ChatbotIdParams,
        body: CreatePersonalityBody,
        response: { 201: SuccessEnvelope(PersonalityData), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { chatbotId } = request.params;
      const personality = await personalities.create(principalOf(request).user.id, chatbotId, request.body);
      return reply.status(201).send(success({ personality }, 'Personality created'));
    },
  );

  app.post(
    '/chatbots/:chatbotId/personalities/default',
    {
      schema: {
        tags,
        summary: 'Create a balanced default personality and make it the default',
        params: ChatbotIdParams,
        response: { 201: SuccessEnvelope(PersonalityData), ...errorResponses },
      },
    },
    async (request, reply) => {
      const personality = await personalities.createDefault(principalOf(request).user.id, request.params.chatbotId);
      return reply.status(201).send(success({ personality }, 'Default personality created'));
    },
  );

  app.get(
    '/personalities/:id',
    {
      schema: {
        tags,
        summary: 'Get a personality',
        params: IdParams,
        response: { 200: SuccessEnvelope(PersonalityData), ...errorResponses },
      },
    },
    async (request) => {
      const personality = await personalities.get(principalOf(request).user.id, request.params.id);
      return success({ personality });
    },
  );

  app.put(
    '/personalities/:id',
    {
      schema: {
        tags,
        summary: 'Update a personality (fields left out keep their value)',
        params: IdParams,
        body: UpdatePersonalityBody,
        response: { 200: SuccessEnvelope(PersonalityData), ...errorResponses },
      },
    },
    async (request) => {
      const personality = await personalities.update(principalOf(request).user.id, request.params.id, request.body);
      return success({ personality }, 'Personality updated');
    },
  );

  app.delete(
    '/personalities/:id',
    {
      schema: {
        tags,
        summary: 'Delete a personality; if it was the default, the oldest remaining one takes over',
        params: IdParams,
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      await personalities.delete(principalOf(request).user.id, request.params.id);
      return messageOnly('Personality deleted');
    },
  );

  app.post(
    '/personalities/:id/default',
    {
      schema: {
        tags,
        summary: "Make a personality its chatbot's default (the previous default stops being one)",
        params: IdParams,
        response: { 200: SuccessEnvelope(PersonalityData), ...errorResponses },
      },
    },
    async (request) => {
      const personality = await personalities.setDefault(principalOf(request).user.id, request.params.id);
      return success({ personality }, 'Default personality set');
    },
  );

  app.get(
    '/personalities/:id/prompt-modifier',
    {
      schema: {
        tags,
        summary: "The personality's tone, style and traits rendered as instructions for the model",
        params: IdParams,
        response: { 200: SuccessEnvelope(PromptModifierData), ...errorResponses },
      },
    },
    async (request) => {
      const promptModifier = await personalities.promptModifier(principalOf(request).user.id, request.params.id);
      return success({ promptModifier });
    },
  );
}
