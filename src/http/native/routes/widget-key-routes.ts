import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { principalOf } from '../access.js';
import { messageOnly, success } from '../envelope.js';
import { IdParams, MessageEnvelope, SuccessEnvelope, errorResponses } from '../schemas/common.js';
import { CreateWidgetKeyBody, WidgetKey, WidgetSettings, WidgetSettingsBody } from '../schemas/widget-schemas.js';

const tags = ['Widget'];
const WidgetKeyData = SuccessEnvelope(Type.Object({ widgetKey: WidgetKey }));
const WidgetSettingsData = SuccessEnvelope(Type.Object({ widgetSettings: WidgetSettings }));

/** Publishable widget keys and widget appearance, for the owner of a chatbot. */
export default async function widgetKeyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { widgetKeys, widgetSettings } = app.services;

  app.post(
    '/chatbots/:id/widget-keys',
    {
      schema: {
        tags,
        summary: 'Create a publishable widget key for a chatbot, usable from the given web origins',
        params: IdParams,
        body: CreateWidgetKeyBody,
        response: { 201: WidgetKeyData, ...errorResponses },
      },
    },
    async (request, reply) => {
      const widgetKey = await widgetKeys.create(principalOf(request).user.id, request.params.id, request.body);
      return reply.status(201).send(success({ widgetKey }, 'Widget key created'));
    },
  );

  app.get(
    '/chatbots/:id/widget-keys',
    {
      schema: {
        tags,
        summary: "List a chatbot's widget keys, revoked ones included, newest first",
        params: IdParams,
        response: { 200: SuccessEnvelope(Type.Array(WidgetKey)), ...errorResponses },
      },
    },
    async (request) => success(await widgetKeys.list(principalOf(request).user.id, request.params.id)),
  );

  app.post(
    '/widget-keys/:id/rotate',
    {
      schema: {
        tags,
        summary: 'Give a widget key a new value; the old value stops working at once',
        params: IdParams,
        response: { 200: WidgetKeyData, ...errorResponses },
      },
    },
    async (request) => {
      const widgetKey = await widgetKeys.rotate(principalOf(request).user.id, request.params.id);
      return success({ widgetKey }, 'Widget key rotated: update the embed snippet on your site');
    },
  );

  app.delete(
    '/widget-keys/:id',
    {
      schema: { tags, summary: 'Revoke a widget key', params: IdParams, response: { 200: MessageEnvelope, ...errorResponses } },
    },
    async (request) => {
      await widgetKeys.revoke(principalOf(request).user.id, request.params.id);
      return messageOnly('Widget key revoked');
    },
  );

  app.get(
    '/chatbots/:id/widget-settings',
    {
      schema: {
        tags,
        summary: "A chatbot's widget appearance (defaults until the owner changes them)",
        params: IdParams,
        response: { 200: WidgetSettingsData, ...errorResponses },
      },
    },
    async (request) => success({ widgetSettings: await widgetSettings.get(principalOf(request).user.id, request.params.id) }),
  );

  app.put(
    '/chatbots/:id/widget-settings',
    {
      schema: {
        tags,
        summary: "Replace a chatbot's widget appearance",
        params: IdParams,
        body: WidgetSettingsBody,
        response: { 200: WidgetSettingsData, ...errorResponses },
      },
    },
    async (request) => {
      const settings = await widgetSettings.replace(principalOf(request).user.id, request.params.id, request.body);
      return success({ widgetSettings: settings }, 'Widget settings saved');
    },
  );
}
