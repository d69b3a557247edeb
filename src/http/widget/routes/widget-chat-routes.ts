import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { success } from '../../native/envelope.js';
import { SuccessEnvelope } from '../../native/schemas/common.js';
import { accessOf, visitorOf } from '../widget-access.js';
import {
  ConversationIdParams,
  ConversationSummary,
  KeyQuery,
  SendBody,
  VisitorData,
  VisitorMessage,
  WidgetConfiguration,
  widgetErrorResponses,
} from '../widget-schemas.js';
import { sendVisitorEventStream } from '../visitor-event-stream.js';

const tags = ['Widget API'];

/** What the widget calls: its configuration, a visitor identity, the visitor's conversations, and sends. */
export default async function widgetChatRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { widgetChat } = app.services;

  app.get(
    '/config',
    {
      schema: {
        tags,
        summary: "The key's assistant (name, greeting, suggested questions) and the widget's appearance",
        querystring: KeyQuery,
        response: { 200: SuccessEnvelope(WidgetConfiguration), ...widgetErrorResponses },
      },
    },
    async (request) => success(await widgetChat.configuration(accessOf(request))),
  );

  app.post(
    '/visitors',
    {
      schema: {
        tags,
        summary: 'A new anonymous visitor: a signed token naming them, for this assistant only',
        querystring: KeyQuery,
        response: { 201: SuccessEnvelope(VisitorData), ...widgetErrorResponses },
      },
    },
    async (request, reply) => reply.status(201).send(success({ visitorToken: widgetChat.startVisitor(accessOf(request)) })),
  );

  app.get(
    '/conversations',
    {
      schema: {
        tags,
        summary: "The visitor's conversations with this assistant, most recently active first",
        querystring: KeyQuery,
        response: { 200: SuccessEnvelope(Type.Array(ConversationSummary)), ...widgetErrorResponses },
      },
    },
    async (request) => {
      const conversations = await widgetChat.listConversations(accessOf(request), visitorOf(request));
      return success(conversations.map(({ id, title, createdAt, updatedAt }) => ({ id, title, createdAt, updatedAt })));
    },
  );

  app.get(
    '/conversations/:id/messages',
    {
      schema: {
        tags,
        summary: "One of the visitor's conversations, oldest message first",
        params: ConversationIdParams,
        querystring: KeyQuery,
        response: { 200: SuccessEnvelope(Type.Array(VisitorMessage)), ...widgetErrorResponses },
      },
    },
    async (request) => success(await widgetChat.history(accessOf(request), visitorOf(request), request.params.id)),
  );

  app.post(
    '/messages',
    {
      config: { spendsKeyBudget: true },
      schema: {
        tags,
        summary: 'Ask the assistant; the answer streams as Server-Sent Events',
        description:
          'Events: `message-start` (conversation and message ids), `text-delta`, `source` (a citation), then ' +
          '`finish` or `error`. Without `conversationId` a new conversation starts.',
        querystring: KeyQuery,
        body: SendBody,
        produces: ['text/event-stream'],
        response: { ...widgetErrorResponses },
      },
    },
    async (request, reply) => {
      const turn = await widgetChat.send(accessOf(request), visitorOf(request), request.body);
      return sendVisitorEventStream(reply, turn, request.log);
    },
  );

  app.options('/*', { schema: { hide: true } }, async (_request, reply) => reply.status(204).send());
}
