import { randomUUID } from 'node:crypto';
import type { Repositories, Store } from '../../storage/store.js';
import { ConflictError, ForbiddenError, UnauthorizedError, ValidationError } from '../errors.js';
import type { Mailer } from '../mail/mailer.js';
import type { AccessTokens } from './access-tokens.js';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password-hasher.js';
import type { Principal } from './principal.js';
import { generateSecret, hashSecret } from './secrets.js';
import { toUserView, type UserView } from './user-view.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  expiresAt: string;
}

export interface RegisterInput {
  username: string;
  email: string;
  password: string;
  firstName?: string | undefined;
  lastName?: string | undefined;
}

export interface ProfileUpdate {
  username?: string | undefined;
  email?: string | undefined;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  currentPassword?: string | undefined;
  newPassword?: string | undefined;
}

export interface ClientInfo {
  userAgent?: string | undefined;
  ip?: string | undefined;
}

export interface AccountServiceOptions {
  refreshTokenTtlSeconds: number;
  passwordResetTtlSeconds: number;
  publicUrl: string;
  registrationOpen: boolean;
}

const invalidCredentials = 'Invalid username or password';
const invalidRefreshToken = 'Invalid or expired refresh token';

/**
 * Accounts and their sessions: registration, login, refresh-token rotation with reuse detection,
 * logout, password reset, and the caller's own profile.
 */
export class AccountService {
  constructor(
    private readonly store: Store,
    private readonly accessTokens: AccessTokens,
    private readonly mailer: Mailer,
    private readonly options: AccountServiceOptions,
  ) {}

  async register(input: RegisterInput, role: 'admin' | 'user' = 'user'): Promise<UserView> {
    if (role === 'user' && !this.options.registrationOpen) {
      throw new ForbiddenError('Registration is closed on this server');
    }
    const now = new Date().toISOString();
    try {
      const user = await this.store.users.insert({
        id: randomUUID(),
        username: input.username.trim().toLowerCase(),
        email: input.email.trim().toLowerCase(),
        passwordHash: await hashPassword(input.password),
        firstName: input.firstName ?? null,
        lastName: input.lastName ?? null,
        role,
        status: 'active',
        createdAt: now,
        updatedAt: now,
        lastLoginAt: null,
      });
      return toUserView(user);
    } catch (error) {
      if (this.store.isUniqueViolation(error)) throw new ConflictError('Username or email is already registered');
      throw error;
    }
  }

  /** Same error, and about the same time, for an unknown account and a wrong password. */
  async login(login: string, password: string, client: ClientInfo): Promise<TokenPair & { user: UserView }> {
    const user = await this.store.users.findByLogin(login);
    const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDecoy(password);
    if (!user || !valid || user.status !== 'active') throw new UnauthorizedError(invalidCredentials);
    const now = new Date();
    const tokens = await this.store.transaction(async (repositories) => {
      const updated = await repositories.users.update(user.id, { lastLoginAt: now.toISOString() });
      const pair = await this.startSession(repositories, user.id, client, now);
      return { ...pair, user: toUserView(updated ?? user) };
    });
    return tokens;
  }

  /**
   * Rotates a refresh token. A token that was already used means it leaked (or a client replayed
   * it): the whole session, every token descended from that login, is revoked.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const token = await this.store.sessions.findRefreshTokenByHash(hashSecret(refreshToken));
    if (!token) throw new UnauthorizedError(invalidRefreshToken);
    const now = new Date();
    const nowIso = now.toISOString();
    const session = await this.store.sessions.findById(token.sessionId);
    if (!session || session.revokedAt || session.expiresAt <= nowIso || token.expiresAt <= nowIso) {
      throw new UnauthorizedError(invalidRefreshToken);
    }
    const user = await this.store.users.findById(session.userId);
    if (!user || user.status !== 'active') throw new UnauthorizedError(invalidRefreshToken);

    const rotated = await this.store.transaction(async (repositories) => {
      const firstUse = await repositories.sessions.markRefreshTokenUsed(token.id, nowIso);
      if (!firstUse) return undefined;
      const refresh = await this.issueRefreshToken(repositories, session.id, now);
      const access = await this.accessTokens.issue({ userId: user.id, sessionId: session.id });
      return this.pair(access, refresh);
    });
    if (!rotated) {
      await this.store.sessions.revoke(session.id, 'refresh-token-reuse', nowIso);
      throw new UnauthorizedError('Refresh token was already used; the session has been revoked');
    }
    return rotated;
  }

  /** Ends the caller's session (access and refresh tokens), or the one a refresh token names. */
  async logout(principal: Principal, refreshToken?: string): Promise<void> {
    const now = new Date().toISOString();
    if (principal.kind === 'session') await this.store.sessions.revoke(principal.sessionId, 'logout', now);
    if (refreshToken) {
      const token = await this.store.sessions.findRefreshTokenByHash(hashSecret(refreshToken));
      const session = token ? await this.store.sessions.findById(token.sessionId) : undefined;
      if (session && session.userId === principal.user.id) await this.store.sessions.revoke(session.id, 'logout', now);
    }
  }

  /** Resolves a JWT access token to its principal; the session must still be live. */
  async authenticateAccessToken(token: string): Promise<Principal> {
    const claims = await this.accessTokens.verify(token);
    const [session, user] = await Promise.all([
      this.store.sessions.findById(claims.sessionId),
      this.store.users.findById(claims.userId),
    ]);
    if (!session || session.revokedAt || session.userId !== claims.userId) {
      throw new UnauthorizedError('Session has ended');
    }
    if (!user || user.status !== 'active') throw new UnauthorizedError('Account is not active');
    return { kind: 'session', user, sessionId: session.id };
  }

  /**
   * Mails a single-use reset link when the email belongs to an active account. The caller's
   * answer is the same either way, so it cannot be used to discover accounts.
   */
  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.store.users.findByEmail(email);
    if (!user || user.status !== 'active') return;
    const token = generateSecret();
    const now = new Date();
    await this.store.passwordResets.insert({
      id: randomUUID(),
      userId: user.id,
      tokenHash: hashSecret(token),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.options.passwordResetTtlSeconds * 1000).toISOString(),
      usedAt: null,
    });
    const minutes = Math.round(this.options.passwordResetTtlSeconds / 60);
    await this.mailer.send({
      to: user.email,
      subject: 'Reset your Docent password',
      text:
        `Someone asked to reset the password of the Docent account "${user.username}".\n\n` +
        `Open this link within ${minutes} minutes to choose a new password:\n` +
        `${this.options.publicUrl}/reset-password?token=${encodeURIComponent(token)}\n\n` +
        `Reset token: ${token}\n\nIf it was not you, ignore this mail; your password stays as it is.\n`,
    });
  }

  /** Sets a new password with a reset token; ends every session and every other reset token. */
  async resetPassword(token: string, newPassword: string): Promise<void> {
    const reset = await this.store.passwordResets.findByHash(hashSecret(token));
    const now = new Date().toISOString();
    if (!reset || reset.usedAt || reset.expiresAt <= now) {
      throw new ValidationError('Invalid or expired password reset token');
    }
    const passwordHash = await hashPassword(newPassword);
    const consumed = await this.store.transaction(async (repositories) => {
      if (!(await repositories.passwordResets.markUsed(reset.id, now))) return false;
      await repositories.users.update(reset.userId, { passwordHash, updatedAt: now });
      await repositories.passwordResets.expireAllForUser(reset.userId, now);
      await repositories.sessions.revokeAllForUser(reset.userId, 'password-reset', now);
      return true;
    });
    if (!consumed) throw new ValidationError('Invalid or expired password reset token');
  }

  async updateProfile(principal: Principal, update: ProfileUpdate): Promise<UserView> {
    const user = principal.user;
    const now = new Date().toISOString();
    let passwordHash: string | undefined;
    if (update.newPassword !== undefined) {
      if (!update.currentPassword || !(await verifyPassword(user.passwordHash, update.currentPassword))) {
        throw new ValidationError('currentPassword is incorrect');
      }
      passwordHash = await hashPassword(update.newPassword);
    }
    try {
      const updated = await this.store.transaction(async (repositories) => {
        const row = await repositories.users.update(user.id, {
          ...(update.username !== undefined && { username: update.username.trim().toLowerCase() }),
          ...(update.email !== undefined && { email: update.email.trim().toLowerCase() }),
          ...(update.firstName !== undefined && { firstName: update.firstName }),
          ...(update.lastName !== undefined && { lastName: update.lastName }),
          ...(passwordHash !== undefined && { passwordHash }),
          updatedAt: now,
        });
        // A new password ends every other login; the caller's own session stays.
        if (passwordHash !== undefined) {
          const keep = principal.kind === 'session' ? principal.sessionId : undefined;
          await repositories.sessions.revokeAllForUser(user.id, 'password-changed', now, keep);
        }
        return row;
      });
      return toUserView(updated ?? user);
    } catch (error) {
      if (this.store.isUniqueViolation(error)) throw new ConflictError('Username or email is already registered');
      throw error;
    }
  }

  private async startSession(
    repositories: Repositories,
    userId: string,
    client: ClientInfo,
    now: Date,
  ): Promise<TokenPair> {
    const sessionId = randomUUID();
    await repositories.sessions.insert({
      id: sessionId,
      userId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.options.refreshTokenTtlSeconds * 1000).toISOString(),
      revokedAt: null,
      revokedReason: null,
      userAgent: client.userAgent?.slice(0, 512) ?? null,
      ip: client.ip ?? null,
    });
    const refresh = await this.issueRefreshToken(repositories, sessionId, now);
    const access = await this.accessTokens.issue({ userId, sessionId });
    return this.pair(access, refresh);
  }

  private async issueRefreshToken(repositories: Repositories, sessionId: string, now: Date): Promise<string> {
    const token = generateSecret();
    await repositories.sessions.insertRefreshToken({
      id: randomUUID(),
      sessionId,
      tokenHash: hashSecret(token),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.options.refreshTokenTtlSeconds * 1000).toISOString(),
      usedAt: null,
    });
    return token;
  }

  private pair(access: { token: string; expiresAt: Date }, refreshToken: string): TokenPair {
    return {
      accessToken: access.token,
      refreshToken,
      tokenType: 'Bearer',
      expiresIn: this.accessTokens.ttlSeconds,
      expiresAt: access.expiresAt.toISOString(),
    };
  }
}
