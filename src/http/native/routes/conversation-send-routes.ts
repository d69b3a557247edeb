import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalOf } from '../access.js';
import { success } from '../envelope.js';
import { SuccessEnvelope, errorResponses } from '../schemas/common.js';
import { ChatbotIdParams, SendMessageBody, SendMessageData, SendMessageHeaders } from '../schemas/conversation-schemas.js';
import { clientDisconnectSignal, sendTurnStream, turnResponseFormat } from './turn-stream.js';

const tags = ['Conversations'];

/** seed 004's "send a message to the chatbot", answering as JSON, SSE or JSON lines. */
export default async function conversationSendRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { chatTurns } = app.services;

  app.post(
    '/chatbots/:id/conversation',
    {
      config: { rateLimit: 'conversation' },
      schema: {
        tags,
        summary: 'Send a message to a chatbot and get its answer, whole or streamed',
        description:
          'The question and an incomplete answer are stored before the model is called; the answer is completed ' +
          '(or marked failed or incomplete) when the turn ends. Streams send `message-start` (conversation and ' +
          'message ids), `text-delta`, `source`, then `finish` or `error` (with a code such as UPSTREAM_TIMEOUT). ' +
          'As JSON, a failed model call answers 502 (504 for a timeout) with the upstream code.',
        params: ChatbotIdParams,
        headers: SendMessageHeaders,
        body: SendMessageBody,
        response: { 200: SuccessEnvelope(SendMessageData), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { stream, endUserId, ...placement } = request.body;
      const format = turnResponseFormat(stream, request.headers.accept);
      const turn = await chatTurns.start(principalOf(request).user.id, request.params.id, {
        ...placement,
        endUser: endUserId === undefined ? undefined : { kind: 'api', externalId: endUserId },
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (turn.replayed) reply.header('idempotent-replayed', 'true');
      const signal = clientDisconnectSignal(reply);
      if (format !== 'json') return sendTurnStream(reply, turn, format, signal, request.log);
      const answer = await turn.answer(signal);
      const { userMessageId: _user, assistantMessageId: _assistant, ...conversation } = answer;
      return success({ ...conversation, citations: answer.message.citations });
    },
  );
}
