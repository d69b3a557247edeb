import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';
import type { StorageCapabilities } from '../dialect.js';

/**
 * Where an ingestion job writes a source's new chunks, batch by batch, before they replace the
 * old ones: the same columns as `knowledge_chunks`, keyed by the job (`task_id`) and its attempt,
 * with no full-text index, so no search ever sees a staged chunk. The job's final transaction
 * moves its attempt's rows into `knowledge_chunks` (which fills the full-text index there) and
 * deletes what is staged for the source; a job that starts again after a crash first deletes
 * what its earlier attempts staged. Keying by attempt keeps an attempt that was given up on (a
 * timeout) and is still winding down from touching the rows of the attempt that replaced it. The auto-numbered id
 * keeps the order the chunks were staged in; staged rows carry no timestamp, since chunks get the
 * time their job committed.
 */
export function chunkStagingMigration(capabilities: StorageCapabilities): Migration {
  const binary = sql.raw(capabilities.binaryType);
  const stagingKey = (column: ColumnDefinitionBuilder) =>
    capabilities.integerIdentity === 'autoincrement'
      ? column.primaryKey().autoIncrement()
      : column.primaryKey().generatedByDefaultAsIdentity();
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('knowledge_chunk_staging')
        .addColumn('id', capabilities.integerIdentity === 'autoincrement' ? 'integer' : 'bigint', stagingKey)
        .addColumn('task_id', 'text', (column) => column.notNull())
        .addColumn('attempt', 'integer', (column) => column.notNull())
        .addColumn('knowledge_base_id', 'text', (column) => column.notNull().references('knowledge_bases.id').onDelete('cascade'))
        .addColumn('source_kind', 'text', (column) => column.notNull())
        .addColumn('source_id', 'text', (column) => column.notNull())
        .addColumn('source_title', 'text', (column) => column.notNull())
        .addColumn('source_url', 'text')
        .addColumn('ordinal', 'integer', (column) => column.notNull())
        .addColumn('text', 'text', (column) => column.notNull())
        .addColumn('token_count', 'integer', (column) => column.notNull())
        .addColumn('location', 'text', (column) => column.notNull())
        .addColumn('embedding', binary, (column) => column.notNull())
        .addColumn('embedding_model', 'text', (column) => column.notNull())
        .execute();
      await db.schema.createIndex('knowledge_chunk_staging_task').on('knowledge_chunk_staging').columns(['task_id', 'attempt', 'id']).execute();
      await db.schema
        .createIndex('knowledge_chunk_staging_source')
        .on('knowledge_chunk_staging')
        .columns(['source_kind', 'source_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('knowledge_chunk_staging').execute();
    },
  };
}
