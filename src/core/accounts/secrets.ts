import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random, URL-safe secret with 256 bits of entropy. */
export function generateSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * SHA-256 of a high-entropy secret (refresh token, API key, reset token). A slow password hash
 * is not needed here: the secret is random, not guessable, and lookups must stay fast.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function constantTimeEquals(left: string, right: string): boolean {
  const a = Buffer.from(hashSecret(left));
  const b = Buffer.from(hashSecret(right));
  return timingSafeEqual(a, b);
}
