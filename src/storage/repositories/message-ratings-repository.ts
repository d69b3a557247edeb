import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, MessageRatingsTable } from '../schema.js';

export type MessageRatingRow = Selectable<MessageRatingsTable>;

/** Ratings of assistant messages. Callers have checked that the message is the caller's to rate. */
export class MessageRatingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Saves the rater's rating of the message: one per message and rater, so rating again
   * replaces the rating, score and comment and keeps the row (and its id).
   */
  async upsert(rating: Insertable<MessageRatingsTable>): Promise<MessageRatingRow> {
    const { rating: value, score, comment, updatedAt } = rating;
    return this.db
      .insertInto('messageRatings')
      .values(rating)
      .onConflict((conflict) =>
        conflict.columns(['messageId', 'rater']).doUpdateSet({ rating: value, score, comment, updatedAt }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }
}
