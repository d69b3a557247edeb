/**
 * Row shapes, in camelCase: Kysely's CamelCasePlugin maps them to the snake_case columns.
 * Timestamps are ISO-8601 strings on both backends (the PostgreSQL
 * adapter parses timestamptz into strings), JSON columns are text.
 */
export interface UsersTable {
  id: string;
  username: string;
  email: string;
  passwordHash: string;
  firstName: string | null;
  lastName: string | null;
  role: 'admin' | 'user';
  status: 'active' | 'disabled';
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

/** A login session: one refresh-token family. Revoking it ends every token issued in it. */
export interface SessionsTable {
  id: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  userAgent: string | null;
  ip: string | null;
}

export interface RefreshTokensTable {
  id: string;
  sessionId: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface ApiKeysTable {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  keyHash: string;
  scopes: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface PasswordResetsTable {
  id: string;
  userId: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface OutboxMailsTable {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  createdAt: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  refreshTokens: RefreshTokensTable;
  apiKeys: ApiKeysTable;
  passwordResets: PasswordResetsTable;
  outboxMails: OutboxMailsTable;
}
