import { sql, type Kysely, type Migration } from 'kysely';
import type { StorageCapabilities } from '../dialect.js';

/**
 * Assistants: chatbots (seed 004) with the configuration fields of seeds 000 and 003, and their
 * personalities. A partial unique index makes "at most one default personality per chatbot" a
 * property of the data, so no code path can break it.
 */
export function assistantsMigration(capabilities: StorageCapabilities): Migration {
  const timestamp = sql.raw(capabilities.timestampType);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('chatbots')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('owner_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('description', 'text', (column) => column.notNull())
        .addColumn('instructions', 'text', (column) => column.notNull())
        .addColumn('goal', 'text', (column) => column.notNull())
        .addColumn('agent_name', 'text', (column) => column.notNull())
        .addColumn('organisation_name', 'text', (column) => column.notNull())
        .addColumn('organisation_description', 'text', (column) => column.notNull())
        .addColumn('examples', 'text', (column) => column.notNull())
        .addColumn('greeting', 'text', (column) => column.notNull())
        .addColumn('suggested_questions', 'text', (column) => column.notNull())
        // No providers table exists yet, so this is a plain reference without a foreign key.
        .addColumn('provider_id', 'text')
        .addColumn('model_name', 'text', (column) => column.notNull())
        .addColumn('temperature', 'double precision', (column) => column.notNull())
        .addColumn('max_tokens', 'integer', (column) => column.notNull())
        .addColumn('archived_at', timestamp)
        .addColumn('deleted_at', timestamp)
        .addColumn('created_at', timestamp, (column) => column.notNull())
        .addColumn('updated_at', timestamp, (column) => column.notNull())
        .execute();
      await db.schema.createIndex('chatbots_owner_id_created_at').on('chatbots').columns(['owner_id', 'created_at']).execute();

      await db.schema
        .createTable('personalities')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('chatbot_id', 'text', (column) => column.notNull().references('chatbots.id').onDelete('cascade'))
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('description', 'text', (column) => column.notNull())
        .addColumn('tone', 'text', (column) => column.notNull())
        .addColumn('style', 'text', (column) => column.notNull())
        .addColumn('traits', 'text', (column) => column.notNull())
        .addColumn('custom_instructions', 'text', (column) => column.notNull())
        // 0 or 1 on both backends, so the partial index below reads the same everywhere.
        .addColumn('is_default', 'integer', (column) => column.notNull())
        .addColumn('created_at', timestamp, (column) => column.notNull())
        .addColumn('updated_at', timestamp, (column) => column.notNull())
        .execute();
      await db.schema.createIndex('personalities_chatbot_id').on('personalities').column('chatbot_id').execute();
      await db.schema
        .createIndex('personalities_one_default_per_chatbot')
        .on('personalities')
        .column('chatbot_id')
        .unique()
        .where(sql.ref('is_default'), '=', 1)
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['personalities', 'chatbots']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
