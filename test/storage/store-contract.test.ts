import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/storage/store.js';
import { backends, createTestDatabase, type TestDatabase } from '../helpers/test-database.js';

/** One contract, every backend: the same repository behaviour on SQLite and PostgreSQL. */
describe.each(backends)('store contract on %s', (backend) => {
  let store: Store;
  let database: TestDatabase;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'docent-store-'));
    database = await createTestDatabase(backend);
    store = await Store.open({ databaseUrl: database.databaseUrl, sqlitePath: join(dataDir, 'docent.sqlite') });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const now = () => new Date().toISOString();
  async function insertUser(username: string, role: 'admin' | 'user' = 'user') {
    return store.users.insert({
      id: randomUUID(),
      username,
      email: `${username}@example.test`,
      passwordHash: 'hash',
      firstName: null,
      lastName: null,
      role,
      status: 'active',
      createdAt: now(),
      updatedAt: now(),
      lastLoginAt: null,
    });
  }

  it('migrates idempotently', async () => {
    expect(await store.migrate()).toEqual([]);
  });

  it('round-trips timestamps as ISO strings and rows in camelCase', async () => {
    const createdAt = '2024-02-29T12:34:56.789Z';
    const user = await store.users.insert({
      id: randomUUID(),
      username: 'timekeeper',
      email: 'timekeeper@example.test',
      passwordHash: 'hash',
      firstName: 'Time',
      lastName: null,
      role: 'user',
      status: 'active',
      createdAt,
      updatedAt: createdAt,
      lastLoginAt: null,
    });
    expect(user.createdAt).toBe(createdAt);
    const found = await store.users.findById(user.id);
    expect(found).toEqual(user);
    expect(found?.firstName).toBe('Time');
  });

  it('reports unique violations through the capability, not a driver code', async () => {
    await insertUser('unique-one');
    const error = await insertUser('unique-one').catch((caught: unknown) => caught);
    expect(store.isUniqueViolation(error)).toBe(true);
    expect(store.isUniqueViolation(new Error('other'))).toBe(false);
  });

  it('finds users by username or email, case-insensitively', async () => {
    const user = await insertUser('findme');
    expect((await store.users.findByLogin('FINDME'))?.id).toBe(user.id);
    expect((await store.users.findByLogin('FindMe@Example.test'))?.id).toBe(user.id);
    expect(await store.users.findByLogin('nobody')).toBeUndefined();
  });

  it('pages users in a stable order with a total', async () => {
    for (let index = 0; index < 5; index++) await insertUser(`pager-${index}`);
    const pages = await Promise.all([1, 2, 3].map((page) => store.users.list({ page, limit: 2, search: 'pager-' })));
    expect(pages.map((page) => page.total)).toEqual([5, 5, 5]);
    expect(pages.map((page) => page.items.length)).toEqual([2, 2, 1]);
    const seen = pages.flatMap((page) => page.items.map((user) => user.username)).sort();
    expect(seen).toEqual(['pager-0', 'pager-1', 'pager-2', 'pager-3', 'pager-4']);
    expect((await store.users.list({ page: 1, limit: 10, search: 'pager_%' })).total).toBe(0);
  });

  it('rolls a failed transaction back completely', async () => {
    const id = randomUUID();
    await expect(
      store.transaction(async (repositories) => {
        await repositories.users.insert({ ...(await templateUser('rollback')), id });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.users.findById(id)).toBeUndefined();
  });

  async function templateUser(username: string) {
    return {
      id: randomUUID(),
      username,
      email: `${username}@example.test`,
      passwordHash: 'hash',
      firstName: null,
      lastName: null,
      role: 'user' as const,
      status: 'active' as const,
      createdAt: now(),
      updatedAt: now(),
      lastLoginAt: null,
    };
  }

  it('marks a refresh token used exactly once, even under concurrency', async () => {
    const user = await insertUser('rotator');
    const sessionId = randomUUID();
    await store.sessions.insert({
      id: sessionId,
      userId: user.id,
      createdAt: now(),
      expiresAt: now(),
      revokedAt: null,
      revokedReason: null,
      userAgent: null,
      ip: null,
    });
    const tokenId = randomUUID();
    await store.sessions.insertRefreshToken({ id: tokenId, sessionId, tokenHash: `hash-${tokenId}`, createdAt: now(), expiresAt: now(), usedAt: null });
    const results = await Promise.all([0, 1, 2, 3].map(() => store.sessions.markRefreshTokenUsed(tokenId, now())));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('revokes all sessions of a user but the one kept', async () => {
    const user = await insertUser('sessions');
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const id of ids) {
      await store.sessions.insert({ id, userId: user.id, createdAt: now(), expiresAt: now(), revokedAt: null, revokedReason: null, userAgent: null, ip: null });
    }
    await store.sessions.revokeAllForUser(user.id, 'test', now(), ids[0]);
    const states = await Promise.all(ids.map((id) => store.sessions.findById(id)));
    expect(states.map((session) => session?.revokedAt === null)).toEqual([true, false, false]);
    expect(states[1]?.revokedReason).toBe('test');
  });

  it("revokes an API key only for its owner", async () => {
    const owner = await insertUser('key-owner');
    const other = await insertUser('key-other');
    const key = await store.apiKeys.insert({
      id: randomUUID(),
      userId: owner.id,
      name: 'k',
      prefix: 'dk_abc',
      keyHash: `hash-${randomUUID()}`,
      scopes: '["read"]',
      createdAt: now(),
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });
    expect(await store.apiKeys.revoke(key.id, other.id, now())).toBe(false);
    expect(await store.apiKeys.revoke(key.id, owner.id, now())).toBe(true);
    expect(await store.apiKeys.revoke(key.id, owner.id, now())).toBe(false);
  });

  it('cascades a user delete to sessions, keys and resets', async () => {
    const user = await insertUser('cascade');
    const sessionId = randomUUID();
    await store.sessions.insert({ id: sessionId, userId: user.id, createdAt: now(), expiresAt: now(), revokedAt: null, revokedReason: null, userAgent: null, ip: null });
    await store.passwordResets.insert({ id: randomUUID(), userId: user.id, tokenHash: `reset-${sessionId}`, createdAt: now(), expiresAt: now(), usedAt: null });
    expect(await store.users.delete(user.id)).toBe(true);
    expect(await store.sessions.findById(sessionId)).toBeUndefined();
    expect(await store.passwordResets.findByHash(`reset-${sessionId}`)).toBeUndefined();
    expect(await store.users.delete(user.id)).toBe(false);
  });

  it('counts only active admins', async () => {
    const before = await store.users.countActiveAdmins();
    const admin = await insertUser('counted-admin', 'admin');
    expect(await store.users.countActiveAdmins()).toBe(before + 1);
    await store.users.update(admin.id, { status: 'disabled' });
    expect(await store.users.countActiveAdmins()).toBe(before);
  });

  it('pings', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
