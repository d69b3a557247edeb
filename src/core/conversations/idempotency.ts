import { createHash } from 'node:crypto';
import type { IdempotencyKeyRow } from '../../storage/repositories/idempotency-keys-repository.js';
import { ConflictError } from '../errors.js';
import type { SendMessageInput } from './send-message.js';

/**
 * How long a first attempt counts as still running. A retry within it is refused (409) rather
 * than waited on; after it, the attempt is taken to have died with its process and the retry
 * gets what was stored (an `incomplete` answer).
 */
export const idempotencyInProgressMs = 10 * 60_000;

/**
 * A fingerprint of what a send asks for. Whether the answer streams is left out: a client may
 * retry a streamed send as JSON, or the other way round, and get the same turn back.
 */
export function requestHash(chatbotId: string, input: SendMessageInput): string {
  const canonical = JSON.stringify([
    chatbotId,
    input.message ?? null,
    input.conversationId ?? null,
    input.parentId === undefined ? 'continue' : input.parentId,
    input.regenerate ?? false,
    input.endUser ? [input.endUser.kind, input.endUser.externalId] : null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Decides what an earlier use of the key means for this request: the same request again is a
 * replay (returned once the first attempt has ended); a different request under the same key,
 * or a retry while the first attempt still runs, is a conflict.
 */
export function checkEarlierAttempt(earlier: IdempotencyKeyRow, hash: string, now: number): void {
  if (earlier.requestHash !== hash) {
    throw new ConflictError('This Idempotency-Key was already used for a different request');
  }
  const running = earlier.completedAt === null && now - Date.parse(earlier.createdAt) < idempotencyInProgressMs;
  if (running) throw new ConflictError('A request with this Idempotency-Key is still in progress; retry when it has ended');
}
