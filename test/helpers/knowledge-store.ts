import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultKnowledgeBaseSettings, toSettingsColumns } from '../../src/core/knowledge/knowledge-base.js';
import { Store } from '../../src/storage/store.js';
import { createTestDatabase, type Backend } from './test-database.js';

/** A migrated store of its own with one user, for tests of knowledge tables and services. */
export interface OwnedStore {
  store: Store;
  ownerId: string;
  /** A temporary folder of its own (it holds the SQLite file), removed by `close`: room for blobs and job files. */
  directory: string;
  /** The SQLite file (unused on PostgreSQL), for checks from a second connection. */
  sqlitePath: string;
  /** The PostgreSQL connection string (undefined on SQLite), for checks from a second connection. */
  databaseUrl: string | undefined;
  close(): Promise<void>;
}

export async function openOwnedStore(backend: Backend, username: string): Promise<OwnedStore> {
  const dataDir = mkdtempSync(join(tmpdir(), `docent-${username}-`));
  const database = await createTestDatabase(backend);
  const sqlitePath = join(dataDir, 'docent.sqlite');
  const store = await Store.open({ databaseUrl: database.databaseUrl, sqlitePath });
  const ownerId = randomUUID();
  const now = new Date().toISOString();
  await store.users.insert({
    id: ownerId,
    username,
    email: `${username}@example.test`,
    passwordHash: 'hash',
    firstName: null,
    lastName: null,
    role: 'user',
    status: 'active',
    createdAt: now,
    updatedAt: now,
    lastLoginAt: null,
  });
  return {
    store,
    ownerId,
    directory: dataDir,
    sqlitePath,
    databaseUrl: database.databaseUrl,
    close: async () => {
      await store.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A knowledge base of the owner with default settings; returns its id. */
export async function insertKnowledgeBase(store: Store, ownerId: string, name: string): Promise<string> {
  const now = new Date().toISOString();
  const row = await store.knowledgeBases.insert({
    id: randomUUID(),
    ownerId,
    name,
    description: '',
    ...toSettingsColumns(defaultKnowledgeBaseSettings),
    settingsVersion: 1,
    contentVersion: 1,
    createdAt: now,
    updatedAt: now,
  });
  return row.id;
}
