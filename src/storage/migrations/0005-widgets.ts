import { sql, type Kysely, type Migration } from 'kysely';
import type { StorageCapabilities } from '../dialect.js';

/**
 * The embeddable widget: publishable keys (one chatbot each, with the web origins allowed to use
 * them) and each chatbot's widget appearance. A publishable key is public by design (it sits in
 * the host page's HTML), so it is stored as is and shown to its owner whenever asked.
 */
export function widgetsMigration(capabilities: StorageCapabilities): Migration {
  const timestamp = sql.raw(capabilities.timestampType);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('widget_keys')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('chatbot_id', 'text', (column) => column.notNull().references('chatbots.id').onDelete('cascade'))
        .addColumn('key', 'text', (column) => column.notNull().unique())
        // JSON array of normalised origins such as "https://example.com".
        .addColumn('allowed_origins', 'text', (column) => column.notNull())
        .addColumn('created_at', timestamp, (column) => column.notNull())
        .addColumn('rotated_at', timestamp)
        .addColumn('revoked_at', timestamp)
        .execute();
      await db.schema.createIndex('widget_keys_chatbot_id').on('widget_keys').column('chatbot_id').execute();

      await db.schema
        .createTable('widget_settings')
        .addColumn('chatbot_id', 'text', (column) =>
          column.primaryKey().references('chatbots.id').onDelete('cascade'),
        )
        .addColumn('title', 'text', (column) => column.notNull())
        .addColumn('primary_color', 'text', (column) => column.notNull())
        .addColumn('text_color', 'text', (column) => column.notNull())
        .addColumn('position', 'text', (column) => column.notNull())
        .addColumn('avatar_url', 'text')
        .addColumn('launcher_text', 'text', (column) => column.notNull())
        // Null: use the chatbot's own greeting and suggested questions (JSON array otherwise).
        .addColumn('greeting', 'text')
        .addColumn('suggested_questions', 'text')
        .addColumn('updated_at', timestamp, (column) => column.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['widget_settings', 'widget_keys']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
