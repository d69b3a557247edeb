import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { messageOnly, paginated, success } from '../envelope.js';
import {
  IdParams,
  MessageEnvelope,
  PageQuery,
  PaginatedEnvelope,
  StrictObject,
  SuccessEnvelope,
  errorResponses,
} from '../schemas/common.js';
import { AdminUpdateUserBody, OutboxMail, User } from '../schemas/account-schemas.js';

const tags = ['Admin'];
const adminOnly = { access: 'admin' } as const;

/** seed 004's admin users routes, plus the mail outbox used when no SMTP server is configured. */
export default async function adminUserRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { userAdmin } = app.services;

  app.get(
    '/admin/users',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'List users (admin only)',
        querystring: StrictObject({ ...PageQuery, search: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: PaginatedEnvelope(User), ...errorResponses },
      },
    },
    async (request) => paginated(await userAdmin.list(request.query), request.query),
  );

  app.get(
    '/admin/users/:id',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Get a user (admin only)',
        params: IdParams,
        response: { 200: SuccessEnvelope(Type.Object({ user: User })), ...errorResponses },
      },
    },
    async (request) => success({ user: await userAdmin.get(request.params.id) }),
  );

  app.put(
    '/admin/users/:id',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: "Update a user's role, status or profile (admin only)",
        params: IdParams,
        body: AdminUpdateUserBody,
        response: { 200: SuccessEnvelope(Type.Object({ user: User })), ...errorResponses },
      },
    },
    async (request) => success({ user: await userAdmin.update(request.params.id, request.body) }, 'User updated'),
  );

  app.delete(
    '/admin/users/:id',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Delete a user and everything they own (admin only)',
        params: IdParams,
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      await userAdmin.delete(request.params.id);
      return messageOnly('User deleted');
    },
  );

  app.get(
    '/admin/outbox',
    {
      config: adminOnly,
      schema: {
        tags,
        summary: 'Mail the platform would have sent, when no SMTP_URL is configured (admin only)',
        querystring: StrictObject(PageQuery),
        response: { 200: PaginatedEnvelope(OutboxMail), ...errorResponses },
      },
    },
    async (request) => paginated(await app.store.outbox.list(request.query), request.query),
  );
}
