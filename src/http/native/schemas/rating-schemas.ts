import { Type } from 'typebox';
import { EndUserId } from './conversation-schemas.js';
import { StrictObject } from './common.js';

export const RatingBody = StrictObject({
  messageId: Type.String({ minLength: 1, maxLength: 64, description: 'The answer (assistant message) to rate' }),
  rating: Type.Enum(['up', 'down']),
  score: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, description: '1 (poor) to 5 (excellent)' })),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  endUserId: Type.Optional(EndUserId),
});

export const Rating = Type.Object({
  id: Type.String(),
  messageId: Type.String(),
  rating: Type.Enum(['up', 'down']),
  score: Type.Union([Type.Integer(), Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const RatingData = Type.Object({ rating: Rating });
