import { randomUUID } from 'node:crypto';
import type { Store } from '../../storage/store.js';
import type { ApiKeyRow } from '../../storage/repositories/api-keys-repository.js';
import { NotFoundError, UnauthorizedError } from '../errors.js';
import type { ApiKeyScope, Principal } from './principal.js';
import { generateSecret, hashSecret } from './secrets.js';

export const apiKeyPrefix = 'dk_';

export interface ApiKeyView {
  id: string;
  name: string;
  /** The first characters of the key, enough to recognise it; never the secret. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

// Writing last-used time on every request would turn every read into a write; once a minute is plenty.
const touchIntervalMs = 60_000;

/** API keys: stored as SHA-256 hashes, shown once at creation, revocable, optionally read-only. */
export class ApiKeyService {
  constructor(private readonly store: Store) {}

  async create(
    userId: string,
    input: { name: string; scopes?: ApiKeyScope[] | undefined; expiresAt?: string | undefined },
  ): Promise<ApiKeyView & { key: string }> {
    const key = generateSecret(apiKeyPrefix);
    const scopes: ApiKeyScope[] = input.scopes?.length ? [...new Set(input.scopes)] : ['read', 'write'];
    const row = await this.store.apiKeys.insert({
      id: randomUUID(),
      userId,
      name: input.name.trim(),
      prefix: key.slice(0, apiKeyPrefix.length + 6),
      keyHash: hashSecret(key),
      scopes: JSON.stringify(scopes),
      createdAt: new Date().toISOString(),
      lastUsedAt: null,
      expiresAt: input.expiresAt ?? null,
      revokedAt: null,
    });
    return { ...toApiKeyView(row), key };
  }

  async list(userId: string): Promise<ApiKeyView[]> {
    return (await this.store.apiKeys.listForUser(userId)).map(toApiKeyView);
  }

  async revoke(userId: string, id: string): Promise<void> {
    if (!(await this.store.apiKeys.revoke(id, userId, new Date().toISOString()))) throw new NotFoundError('API key');
  }

  async authenticate(key: string): Promise<Principal> {
    const row = await this.store.apiKeys.findByHash(hashSecret(key));
    const now = new Date();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now.toISOString())) {
      throw new UnauthorizedError('Invalid or revoked API key');
    }
    const user = await this.store.users.findById(row.userId);
    if (!user || user.status !== 'active') throw new UnauthorizedError('Account is not active');
    if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) > touchIntervalMs) {
      await this.store.apiKeys.touch(row.id, now.toISOString());
    }
    return { kind: 'api-key', user, apiKeyId: row.id, scopes: JSON.parse(row.scopes) as ApiKeyScope[] };
  }
}

function toApiKeyView(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: JSON.parse(row.scopes) as ApiKeyScope[],
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
  };
}
