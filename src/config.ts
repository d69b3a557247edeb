import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Requests allowed per window for each rate-limit group (seed 004's "Rate Limiting"). */
export interface RateLimitSettings {
  windowSeconds: number;
  auth: number;
  conversation: number;
  management: number;
  /** Messages per window through one widget key, across all of its visitors. */
  widgetKey: number;
}

/** Everything the platform reads from its environment, resolved to concrete values. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL when set; SQLite in `dataDir` otherwise. */
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  /** Namespace for every Redis key, so several deployments can share one Redis. */
  redisKeyPrefix: string;
  secretKey: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Hosts (or host:port) that server-side fetches may reach although they are private or loopback. */
  allowedPrivateHosts: string[];
  publicUrl: string;
  metricsToken: string | undefined;
  logLevel: string;
  registrationOpen: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  /** Largest file accepted by an upload to a knowledge base; larger ones get 413. */
  uploadLimitBytes: number;
  /** How often the re-sync scheduler looks for links due for a re-sync; 0 turns scheduled re-syncs off. */
  linkResyncIntervalSeconds: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  passwordResetTtlSeconds: number;
  rateLimits: RateLimitSettings;
  initialAdmin: { email: string; password: string; username: string } | undefined;
}

type Environment = Record<string, string | undefined>;

function integer(environment: Environment, name: string, fallback: number): number {
  const raw = environment[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function flag(environment: Environment, name: string, fallback: boolean): boolean {
  const raw = environment[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(raw);
}

function optional(environment: Environment, name: string): string | undefined {
  const value = environment[name]?.trim();
  return value ? value : undefined;
}

/**
 * The secret key signs tokens and encrypts stored provider keys. When the operator does not set
 * SECRET_KEY we generate one into DATA_DIR on first start so restarts keep sessions valid.
 */
function resolveSecretKey(environment: Environment, dataDir: string): string {
  const fromEnvironment = optional(environment, 'SECRET_KEY');
  if (fromEnvironment) {
    if (fromEnvironment.length < 32) throw new Error('SECRET_KEY must be at least 32 characters');
    return fromEnvironment;
  }
  const path = join(dataDir, 'secret-key');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const generated = randomBytes(48).toString('base64url');
  writeFileSync(path, generated + '\n', { mode: 0o600, flag: 'wx' });
  return generated;
}

export function loadConfig(environment: Environment = process.env): Config {
  const dataDir = resolve(environment.DATA_DIR?.trim() || './data');
  mkdirSync(dataDir, { recursive: true });
  const port = integer(environment, 'PORT', 3000);
  const host = optional(environment, 'HOST') ?? '0.0.0.0';
  const adminEmail = optional(environment, 'ADMIN_EMAIL');
  const adminPassword = optional(environment, 'ADMIN_PASSWORD');
  return {
    port,
    host,
    dataDir,
    databaseUrl: optional(environment, 'DATABASE_URL'),
    redisUrl: optional(environment, 'REDIS_URL'),
    redisKeyPrefix: optional(environment, 'REDIS_KEY_PREFIX') ?? 'docent',
    secretKey: resolveSecretKey(environment, dataDir),
    smtpUrl: optional(environment, 'SMTP_URL'),
    mailFrom: optional(environment, 'MAIL_FROM') ?? 'Docent <no-reply@docent.local>',
    allowedPrivateHosts: (environment.ALLOWED_PRIVATE_HOSTS ?? '')
      .split(',')
      .map((entry) => entry.trim().toLowerCase())
      .filter(Boolean),
    publicUrl: (optional(environment, 'PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    metricsToken: optional(environment, 'METRICS_TOKEN'),
    logLevel: optional(environment, 'LOG_LEVEL') ?? 'info',
    registrationOpen: flag(environment, 'REGISTRATION_OPEN', true),
    trustProxy: flag(environment, 'TRUST_PROXY', false),
    bodyLimitBytes: integer(environment, 'BODY_LIMIT_BYTES', 1024 * 1024),
    uploadLimitBytes: integer(environment, 'UPLOAD_LIMIT_BYTES', 50 * 1024 * 1024),
    linkResyncIntervalSeconds: integer(environment, 'LINK_RESYNC_INTERVAL_SECONDS', 60),
    accessTokenTtlSeconds: integer(environment, 'ACCESS_TOKEN_TTL_SECONDS', 15 * 60),
    refreshTokenTtlSeconds: integer(environment, 'REFRESH_TOKEN_TTL_SECONDS', 30 * 24 * 3600),
    passwordResetTtlSeconds: integer(environment, 'PASSWORD_RESET_TTL_SECONDS', 3600),
    rateLimits: {
      windowSeconds: integer(environment, 'RATE_LIMIT_WINDOW_SECONDS', 60),
      auth: integer(environment, 'RATE_LIMIT_AUTH', 20),
      conversation: integer(environment, 'RATE_LIMIT_CONVERSATION', 60),
      management: integer(environment, 'RATE_LIMIT_MANAGEMENT', 30),
      widgetKey: integer(environment, 'RATE_LIMIT_WIDGET_KEY', 600),
    },
    initialAdmin:
      adminEmail && adminPassword
        ? {
            email: adminEmail,
            password: adminPassword,
            username: optional(environment, 'ADMIN_USERNAME') ?? 'admin',
          }
        : undefined,
  };
}
