import { sql, type Kysely, type Migration } from 'kysely';
import type { StorageCapabilities } from '../dialect.js';

/**
 * The pages a link's crawl ingested, one row per (link, page URL), with the validators that let
 * the next sync ask "has it changed?" (ETag, Last-Modified, a hash of the body) and the settings
 * version the page's chunks were made under. A page's chunks are the link's chunks whose
 * `source_url` is the page's URL, so they can be replaced or dropped one page at a time.
 */
export function linkPagesMigration(capabilities: StorageCapabilities): Migration {
  const timestamp = sql.raw(capabilities.timestampType);
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('knowledge_link_pages')
        .addColumn('link_id', 'text', (column) => column.notNull().references('knowledge_links.id').onDelete('cascade'))
        .addColumn('url', 'text', (column) => column.notNull())
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('content_hash', 'text', (column) => column.notNull())
        .addColumn('settings_version', 'integer', (column) => column.notNull())
        .addColumn('synced_at', timestamp, (column) => column.notNull())
        .addPrimaryKeyConstraint('knowledge_link_pages_pk', ['link_id', 'url'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('knowledge_link_pages').execute();
    },
  };
}
