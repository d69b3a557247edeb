import { sql, type Kysely, type Migration } from 'kysely';
import type { StorageCapabilities } from '../dialect.js';

/**
 * LLM providers and users' keys for them (seed 002's bring-your-own-key). A provider without an
 * owner is global, defined by an admin for everyone; one with an owner is private to that user.
 * Keys are stored sealed, with a display mask beside them; one key per user and provider.
 */
export function providersMigration(capabilities: StorageCapabilities): Migration {
  const timestamp = sql.raw(capabilities.timestampType);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('llm_providers')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('owner_id', 'text', (column) => column.references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('type', 'text', (column) => column.notNull())
        .addColumn('api_endpoint', 'text')
        .addColumn('created_at', timestamp, (column) => column.notNull())
        .addColumn('updated_at', timestamp, (column) => column.notNull())
        .execute();
      await db.schema.createIndex('llm_providers_owner_id').on('llm_providers').column('owner_id').execute();

      await db.schema
        .createTable('llm_configs')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('user_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
        .addColumn('provider_id', 'text', (column) =>
          column.notNull().references('llm_providers.id').onDelete('cascade'),
        )
        .addColumn('api_key_ciphertext', 'text', (column) => column.notNull())
        .addColumn('api_key_mask', 'text', (column) => column.notNull())
        .addColumn('created_at', timestamp, (column) => column.notNull())
        .addColumn('updated_at', timestamp, (column) => column.notNull())
        .addUniqueConstraint('llm_configs_user_id_provider_id', ['user_id', 'provider_id'])
        .execute();
      await db.schema.createIndex('llm_configs_provider_id').on('llm_configs').column('provider_id').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['llm_configs', 'llm_providers']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
