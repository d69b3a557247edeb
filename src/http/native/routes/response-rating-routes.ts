import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { principalOf } from '../access.js';
import { success } from '../envelope.js';
import { SuccessEnvelope, errorResponses } from '../schemas/common.js';
import { ChatbotIdParams } from '../schemas/conversation-schemas.js';
import { RatingBody, RatingData } from '../schemas/rating-schemas.js';

/** seed 004's "rate a chatbot response": one rating per answer and rater, replaced when rated again. */
export default async function responseRatingRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ratings } = app.services;

  app.post(
    '/chatbots/:id/response-rating',
    {
      config: { rateLimit: 'conversation' },
      schema: {
        tags: ['Conversations'],
        summary: "Rate one of the chatbot's answers (201 when new, 200 when it replaced the rater's earlier rating)",
        params: ChatbotIdParams,
        body: RatingBody,
        response: { 200: SuccessEnvelope(RatingData), 201: SuccessEnvelope(RatingData), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { endUserId, ...rating } = request.body;
      const endUser = endUserId === undefined ? undefined : { kind: 'api' as const, externalId: endUserId };
      const result = await ratings.rate(principalOf(request).user.id, request.params.id, { ...rating, endUser });
      return reply
        .status(result.created ? 201 : 200)
        .send(success({ rating: result.rating }, result.created ? 'Rating saved' : 'Rating updated'));
    },
  );
}
