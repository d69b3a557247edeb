import { createHash } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { UnauthorizedError } from '../errors.js';

const issuer = 'docent';
const audience = 'docent-api';
const algorithm = 'HS256';

export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
}

/**
 * Short-lived JWT access tokens. Verification pins the algorithm, issuer, audience and token
 * type, so `alg: none`, tokens signed for another purpose and expired tokens are all refused.
 */
export class AccessTokens {
  private readonly key: Uint8Array;

  constructor(
    secretKey: string,
    readonly ttlSeconds: number,
  ) {
    // A purpose-bound key: the same SECRET_KEY also encrypts stored provider keys.
    this.key = createHash('sha256').update(`docent:access-token:${secretKey}`).digest();
  }

  async issue(claims: AccessTokenClaims): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: algorithm, typ: 'at+jwt' })
      .setSubject(claims.userId)
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key);
    return { token, expiresAt };
  }

  async verify(token: string): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: [algorithm],
        issuer,
        audience,
        typ: 'at+jwt',
        requiredClaims: ['sub', 'exp', 'sid'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
        throw new UnauthorizedError('Invalid access token');
      }
      return { userId: payload.sub, sessionId: payload.sid };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new UnauthorizedError('Access token expired');
      throw new UnauthorizedError('Invalid access token');
    }
  }
}

/** A cheap shape test so API keys sent as Bearer tokens are not parsed as JWTs. */
export function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3;
}
