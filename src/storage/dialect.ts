import type BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase as KyselySqliteDatabase } from 'kysely';
import type { Database } from './schema.js';

/**
 * What differs between the two backends, declared once as capabilities so that the rest of the
 * storage layer never asks "which database is this?".
 */
export interface StorageCapabilities {
  name: 'sqlite' | 'postgres';
  /** Column type for timestamps: ISO text on SQLite, timestamptz on PostgreSQL. */
  timestampType: 'text' | 'timestamptz';
  /** Recognises a unique-constraint violation from the driver's error. */
  isUniqueViolation(error: unknown): boolean;
  /**
   * The schema the connection works in (PostgreSQL's current_schema()), so bookkeeping tables
   * such as Kysely's migration lock are looked up there and not in whatever schema has one.
   */
  schema: string | undefined;
  /**
   * How chunk text is searched: an FTS5 virtual table beside the table (SQLite), or a `tsvector`
   * column with a GIN index (PostgreSQL); both filled from the full-text backlog (migration 0009).
   */
  fullTextSearch: 'fts5' | 'tsvector';
  /** Column type for raw bytes such as embeddings. */
  binaryType: 'blob' | 'bytea';
  /** How an auto-numbered integer key is declared: AUTOINCREMENT or an identity column. */
  integerIdentity: 'autoincrement' | 'identity';
}

export interface DatabaseConnection {
  db: Kysely<Database>;
  capabilities: StorageCapabilities;
  /** Cheap liveness probe used by the health endpoint. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  databaseUrl: string | undefined;
  sqlitePath: string;
}

export async function connectDatabase(options: ConnectOptions): Promise<DatabaseConnection> {
  const connection = options.databaseUrl
    ? await connectPostgres(options.databaseUrl)
    : await connectSqlite(options.sqlitePath);
  return {
    ...connection,
    ping: async () => {
      await sql`select 1`.execute(connection.db);
    },
    close: () => connection.db.destroy(),
  };
}

async function connectSqlite(path: string): Promise<Pick<DatabaseConnection, 'db' | 'capabilities'>> {
  const { default: SqliteDatabase } = await import('better-sqlite3');
  const database = new SqliteDatabase(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }), plugins: [new CamelCasePlugin()] }),
    capabilities: {
      name: 'sqlite',
      timestampType: 'text',
      schema: undefined,
      fullTextSearch: 'fts5',
      binaryType: 'blob',
      integerIdentity: 'autoincrement',
      isUniqueViolation: (error) =>
        typeof error === 'object' &&
        error !== null &&
        'code' in error &&
        (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'),
    },
  };
}

/** Distinct SQL texts kept prepared; the app issues a few hundred, bulk paths may vary more. */
const statementCacheSize = 500;

/**
 * Kysely's SQLite driver calls `prepare` for every query it runs, and compiling the statement
 * was the largest single cost of a chat turn's queries (about a third of their time). Statements
 * are reusable once they have run, so this keeps them by SQL text, least recently used out
 * first. SQLite re-prepares a kept statement by itself after a schema change. A statement still
 * being iterated (a streamed select) is busy and cannot run twice at once, so one is prepared
 * fresh for that case.
 */
function withStatementCache(database: BetterSqlite3.Database): KyselySqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(text) {
      const kept = statements.get(text);
      if (kept) {
        if (kept.busy) return database.prepare(text);
        statements.delete(text);
        statements.set(text, kept);
        return kept;
      }
      const statement = database.prepare(text);
      statements.set(text, statement);
      if (statements.size > statementCacheSize) statements.delete(statements.keys().next().value as string);
      return statement;
    },
  };
}

async function connectPostgres(url: string): Promise<Pick<DatabaseConnection, 'db' | 'capabilities'>> {
  const { default: pg } = await import('pg');
  // Timestamps come back as ISO strings and bigint counts as numbers, as they do from SQLite.
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') => {
      if (oid === pg.types.builtins.TIMESTAMPTZ || oid === pg.types.builtins.TIMESTAMP) {
        return (value: string) => new Date(value).toISOString();
      }
      if (oid === pg.types.builtins.INT8) return (value: string) => Number(value);
      return pg.types.getTypeParser(oid, format as 'text');
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: 10, types: types as never });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return {
    db,
    capabilities: {
      name: 'postgres',
      timestampType: 'timestamptz',
      schema: rows[0]?.schema,
      fullTextSearch: 'tsvector',
      binaryType: 'bytea',
      integerIdentity: 'identity',
      isUniqueViolation: (error) =>
        typeof error === 'object' && error !== null && 'code' in error && error.code === '23505',
    },
  };
}
