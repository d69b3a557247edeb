import { Migrator, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import type { StorageCapabilities } from './dialect.js';
import { accountsMigration } from './migrations/0001-accounts.js';
import { assistantsMigration } from './migrations/0002-assistants.js';
import { providersMigration } from './migrations/0003-providers.js';
import { conversationsMigration } from './migrations/0004-conversations.js';
import { widgetsMigration } from './migrations/0005-widgets.js';
import { knowledgeMigration } from './migrations/0006-knowledge.js';
import { linkPagesMigration } from './migrations/0007-link-pages.js';
import { chunkStagingMigration } from './migrations/0008-chunk-staging.js';
import { fullTextBacklogMigration } from './migrations/0009-full-text-backlog.js';
import { chunkRowStorageMigration } from './migrations/0010-chunk-row-storage.js';

/**
 * The one migration set both backends share. Listed explicitly (not read from disk) so it works
 * the same from TypeScript sources, compiled output and tests.
 */
function migrations(capabilities: StorageCapabilities): Record<string, Migration> {
  return {
    '0001-accounts': accountsMigration(capabilities),
    '0002-assistants': assistantsMigration(capabilities),
    '0003-providers': providersMigration(capabilities),
    '0004-conversations': conversationsMigration(capabilities),
    '0005-widgets': widgetsMigration(capabilities),
    '0006-knowledge': knowledgeMigration(capabilities),
    '0007-link-pages': linkPagesMigration(capabilities),
    '0008-chunk-staging': chunkStagingMigration(capabilities),
    '0009-full-text-backlog': fullTextBacklogMigration(capabilities),
    '0010-chunk-row-storage': chunkRowStorageMigration(capabilities),
  };
}

export async function migrateToLatest(
  db: Kysely<unknown>,
  capabilities: StorageCapabilities,
): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(capabilities) },
    ...(capabilities.schema && { migrationTableSchema: capabilities.schema }),
  });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
