import type { Kysely } from 'kysely';
import { connectDatabase, type ConnectOptions, type StorageCapabilities } from './dialect.js';
import { migrateToLatest } from './migrate.js';
import type { Database } from './schema.js';
import { ApiKeysRepository } from './repositories/api-keys-repository.js';
import { OutboxRepository } from './repositories/outbox-repository.js';
import { PasswordResetsRepository } from './repositories/password-resets-repository.js';
import { SessionsRepository } from './repositories/sessions-repository.js';
import { UsersRepository } from './repositories/users-repository.js';

/** The repositories, bound to one executor: the pool, or a transaction. */
export class Repositories {
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  readonly apiKeys: ApiKeysRepository;
  readonly passwordResets: PasswordResetsRepository;
  readonly outbox: OutboxRepository;

  constructor(db: Kysely<Database>) {
    this.users = new UsersRepository(db);
    this.sessions = new SessionsRepository(db);
    this.apiKeys = new ApiKeysRepository(db);
    this.passwordResets = new PasswordResetsRepository(db);
    this.outbox = new OutboxRepository(db);
  }
}

/**
 * The one store of the platform: SQLite or PostgreSQL behind the same repositories. Services use
 * `transaction` when several writes must land together or not at all.
 */
export class Store extends Repositories {
  private constructor(
    private readonly db: Kysely<Database>,
    readonly capabilities: StorageCapabilities,
    readonly ping: () => Promise<void>,
    readonly close: () => Promise<void>,
  ) {
    super(db);
  }

  static async open(options: ConnectOptions & { migrate?: boolean }): Promise<Store> {
    const connection = await connectDatabase(options);
    const store = new Store(connection.db, connection.capabilities, connection.ping, connection.close);
    if (options.migrate !== false) await store.migrate();
    return store;
  }

  async migrate(): Promise<string[]> {
    const result = await migrateToLatest(this.db as Kysely<unknown>, this.capabilities);
    return (result.results ?? []).map((migration) => migration.migrationName);
  }

  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((transaction) => work(new Repositories(transaction)));
  }

  isUniqueViolation(error: unknown): boolean {
    return this.capabilities.isUniqueViolation(error);
  }
}
