import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { toUserView } from '../../../core/accounts/user-view.js';
import { ValidationError } from '../../../core/errors.js';
import { messageOnly, success } from '../envelope.js';
import { principalOf } from '../access.js';
import { limitAccountAttempts } from '../rate-limiting.js';
import { MessageEnvelope, SuccessEnvelope, errorResponses } from '../schemas/common.js';
import {
  LoginBody,
  LogoutBody,
  PasswordResetBody,
  PasswordResetRequestBody,
  RefreshBody,
  RegisterBody,
  TokenPair,
  UpdateMeBody,
  User,
} from '../schemas/account-schemas.js';

const tags = ['Authentication'];
const publicAuth = { access: 'public', rateLimit: 'auth' } as const;

/** seed 004's Authentication table: register, login, tokens, password reset and the caller's profile. */
export default async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { accounts } = app.services;

  app.post(
    '/auth/register',
    {
      config: publicAuth,
      schema: {
        tags,
        summary: 'Register a new user',
        body: RegisterBody,
        response: { 201: SuccessEnvelope(Type.Object({ user: User })), ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = await accounts.register(request.body);
      return reply.status(201).send(success({ user }, 'User registered successfully'));
    },
  );

  app.post(
    '/auth/login',
    {
      config: publicAuth,
      schema: {
        tags,
        summary: 'Log in with username (or email) and password',
        body: LoginBody,
        response: { 200: SuccessEnvelope(Type.Object({ ...TokenPair, user: User })), ...errorResponses },
      },
    },
    async (request) => {
      const login = request.body.username ?? request.body.email;
      if (!login) throw new ValidationError('body must have property username or email');
      await limitAccountAttempts(app, login);
      const result = await accounts.login(login, request.body.password, {
        userAgent: request.headers['user-agent'],
        ip: request.ip,
      });
      return success(result, 'Login successful');
    },
  );

  app.post(
    '/auth/refresh-token',
    {
      config: publicAuth,
      schema: {
        tags,
        summary: 'Exchange a refresh token for a new token pair (the old refresh token stops working)',
        body: RefreshBody,
        response: { 200: SuccessEnvelope(Type.Object(TokenPair)), ...errorResponses },
      },
    },
    async (request) => success(await accounts.refresh(request.body.refreshToken)),
  );

  app.post(
    '/auth/logout',
    {
      config: { rateLimit: 'auth' },
      schema: {
        tags,
        summary: 'End the current session',
        body: Type.Optional(LogoutBody),
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      await accounts.logout(principalOf(request), request.body?.refreshToken);
      return messageOnly('Logged out');
    },
  );

  app.post(
    '/auth/password-reset-request',
    {
      config: publicAuth,
      schema: {
        tags,
        summary: 'Mail a password reset link (the answer is the same whether or not the account exists)',
        body: PasswordResetRequestBody,
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      await limitAccountAttempts(app, request.body.email);
      await accounts.requestPasswordReset(request.body.email);
      return messageOnly('If an account with that email exists, a password reset link has been sent');
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: publicAuth,
      schema: {
        tags,
        summary: 'Set a new password with a reset token',
        body: PasswordResetBody,
        response: { 200: MessageEnvelope, ...errorResponses },
      },
    },
    async (request) => {
      await accounts.resetPassword(request.body.token, request.body.password);
      return messageOnly('Password has been reset; please log in again');
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'Get the current user',
        response: { 200: SuccessEnvelope(Type.Object({ user: User })), ...errorResponses },
      },
    },
    async (request) => success({ user: toUserView(principalOf(request).user) }),
  );

  app.put(
    '/auth/me',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Update the current user (a new password needs currentPassword)',
        body: UpdateMeBody,
        response: { 200: SuccessEnvelope(Type.Object({ user: User })), ...errorResponses },
      },
    },
    async (request) => {
      const user = await accounts.updateProfile(principalOf(request), request.body);
      return success({ user }, 'Profile updated');
    },
  );
}
