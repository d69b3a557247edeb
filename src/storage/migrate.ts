import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { StorageCapabilities } from './dialect.js';
import { accountsMigration } from './migrations/0001-accounts.js';

/**
 * The one migration set both backends share. Listed explicitly (not read from disk) so it works
 * the same from TypeScript sources, compiled output and tests.
 */
function migrations(capabilities: StorageCapabilities): Record<string, Migration> {
  return {
    '0001-accounts': accountsMigration(capabilities),
  };
}

export async function migrateToLatest(
  db: Kysely<unknown>,
  capabilities: StorageCapabilities,
): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(capabilities) },
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
