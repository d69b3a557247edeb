import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type Backend = 'sqlite' | 'postgres';

/**
 * Backends the suites run against. Both by default: PostgreSQL is expected at
 * 127.0.0.1:5432 (trust auth, database `test`) on every developer machine and in CI.
 * `DOCENT_TEST_BACKENDS=sqlite` narrows a local run.
 */
export const backends: Backend[] = (process.env.DOCENT_TEST_BACKENDS ?? 'sqlite,postgres')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is Backend => name === 'sqlite' || name === 'postgres');

export const postgresUrl = process.env.DOCENT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const redisUrl = process.env.DOCENT_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  /** DATABASE_URL for the app; undefined means SQLite in DATA_DIR. */
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

/** A private PostgreSQL schema per test file, so suites run in parallel without seeing each other. */
export async function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'sqlite') return { databaseUrl: undefined, drop: async () => {} };
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const separator = postgresUrl.includes('?') ? '&' : '?';
  return {
    databaseUrl: `${postgresUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}
