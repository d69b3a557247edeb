import { randomUUID } from 'node:crypto';
import type { MessageRatingRow } from '../../storage/repositories/message-ratings-repository.js';
import type { Store } from '../../storage/store.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { EndUserReference } from './conversation.js';

export interface RatingInput {
  messageId: string;
  rating: 'up' | 'down';
  /** 1 (poor) to 5 (excellent), for finer feedback than up or down. */
  score?: number | undefined;
  comment?: string | undefined;
  /** Rates on behalf of this end user; otherwise the rating is the caller's own. */
  endUser?: EndUserReference | undefined;
}

export interface MessageRating {
  id: string;
  messageId: string;
  rating: 'up' | 'down';
  score: number | null;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Ratings of a chatbot's answers (seed 004's response rating). One rating per answer and rater:
 * rating again replaces it. Only answers of the caller's own chatbots can be rated.
 */
export class RatingService {
  constructor(private readonly store: Store) {}

  async rate(ownerId: string, chatbotId: string, input: RatingInput): Promise<{ rating: MessageRating; created: boolean }> {
    const message = await this.store.messages.findOwned(input.messageId, ownerId);
    if (!message || message.chatbotId !== chatbotId) throw new NotFoundError('Message');
    if (message.role !== 'assistant') throw new ValidationError('body.messageId must be an answer (an assistant message)');
    const now = new Date().toISOString();
    const rater = input.endUser ? `end-user:${await this.endUserId(chatbotId, input.endUser, now)}` : `user:${ownerId}`;
    const id = randomUUID();
    const row = await this.store.messageRatings.upsert({
      id,
      messageId: message.id,
      rater,
      rating: input.rating,
      score: input.score ?? null,
      comment: input.comment ?? null,
      createdAt: now,
      updatedAt: now,
    });
    return { rating: toRating(row), created: row.id === id };
  }

  private async endUserId(chatbotId: string, endUser: EndUserReference, at: string): Promise<string> {
    return (await this.store.endUsers.upsert({ id: randomUUID(), chatbotId, ...endUser, at })).id;
  }
}

function toRating(row: MessageRatingRow): MessageRating {
  return {
    id: row.id,
    messageId: row.messageId,
    rating: row.rating,
    score: row.score,
    comment: row.comment,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
