import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, type Migration } from 'kysely';
import type { StorageCapabilities } from '../dialect.js';

/**
 * Knowledge bases (seed 004, with seed 003's retrieval settings), their attachment to chatbots,
 * their sources (files, items, links) and the chunks retrieval reads.
 *
 * Every source table carries the same ingestion columns (`status`, `failure_reason`, `task_id`,
 * `chunk_count`), so one pipeline drives them all. Chunks get an auto-numbered integer key
 * because SQLite's FTS5 index is keyed by an integer rowid that must never change (an implicit
 * rowid may, on VACUUM).
 */
export function knowledgeMigration(capabilities: StorageCapabilities): Migration {
  const timestamp = sql.raw(capabilities.timestampType);
  const binary = sql.raw(capabilities.binaryType);

  /** The columns every source has, whatever its kind. */
  function withIngestionColumns<Table extends string>(table: CreateTableBuilder<Table>): CreateTableBuilder<Table> {
    return table
      .addColumn('knowledge_base_id', 'text', (column) =>
        column.notNull().references('knowledge_bases.id').onDelete('cascade'),
      )
      .addColumn('status', 'text', (column) => column.notNull())
      .addColumn('failure_reason', 'text')
      .addColumn('task_id', 'text')
      .addColumn('chunk_count', 'integer', (column) => column.notNull())
      .addColumn('created_at', timestamp, (column) => column.notNull())
      .addColumn('updated_at', timestamp, (column) => column.notNull());
  }

  const chunkKey = (column: ColumnDefinitionBuilder) =>
    capabilities.integerIdentity === 'autoincrement'
      ? column.primaryKey().autoIncrement()
      : column.primaryKey().generatedByDefaultAsIdentity();

  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('knowledge_bases')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('owner_id', 'text', (column) => column.notNull().references('users.id').onDelete('cascade'))
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('description', 'text', (column) => column.notNull())
        .addColumn('embedding_type', 'text', (column) => column.notNull())
        .addColumn('embedding_provider_id', 'text')
        .addColumn('embedding_model', 'text')
        .addColumn('chunk_size', 'integer', (column) => column.notNull())
        .addColumn('chunk_overlap', 'integer', (column) => column.notNull())
        .addColumn('retrieval_method', 'text', (column) => column.notNull())
        .addColumn('sparse_weightage', 'double precision', (column) => column.notNull())
        .addColumn('top_k', 'integer', (column) => column.notNull())
        .addColumn('reranking_enabled', 'integer', (column) => column.notNull())
        .addColumn('rerank_top_k', 'integer', (column) => column.notNull())
        .addColumn('update_interval', 'integer', (column) => column.notNull())
        // Bumped when chunking or embedding settings change: part of every ingestion job id.
        .addColumn('settings_version', 'integer', (column) => column.notNull())
        // Bumped whenever the knowledge base's chunks change, so in-process indexes notice.
        .addColumn('content_version', 'integer', (column) => column.notNull())
        .addColumn('created_at', timestamp, (column) => column.notNull())
        .addColumn('updated_at', timestamp, (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('knowledge_bases_owner_id_created_at')
        .on('knowledge_bases')
        .columns(['owner_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('chatbot_knowledge_bases')
        .addColumn('chatbot_id', 'text', (column) => column.notNull().references('chatbots.id').onDelete('cascade'))
        .addColumn('knowledge_base_id', 'text', (column) =>
          column.notNull().references('knowledge_bases.id').onDelete('cascade'),
        )
        .addColumn('created_at', timestamp, (column) => column.notNull())
        .addPrimaryKeyConstraint('chatbot_knowledge_bases_pk', ['chatbot_id', 'knowledge_base_id'])
        .execute();
      await db.schema
        .createIndex('chatbot_knowledge_bases_knowledge_base_id')
        .on('chatbot_knowledge_bases')
        .column('knowledge_base_id')
        .execute();

      await withIngestionColumns(
        db.schema
          .createTable('knowledge_files')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('name', 'text', (column) => column.notNull())
          .addColumn('blob_key', 'text', (column) => column.notNull())
          .addColumn('content_hash', 'text', (column) => column.notNull())
          .addColumn('size_bytes', 'bigint', (column) => column.notNull())
          .addColumn('document_type', 'text', (column) => column.notNull())
          .addColumn('kind', 'text', (column) => column.notNull())
          .addColumn('summary', 'text'),
      ).execute();
      await db.schema
        .createIndex('knowledge_files_content_hash')
        .on('knowledge_files')
        .columns(['knowledge_base_id', 'content_hash'])
        .unique()
        .execute();

      await withIngestionColumns(
        db.schema
          .createTable('knowledge_items')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('kind', 'text', (column) => column.notNull())
          .addColumn('title', 'text', (column) => column.notNull())
          .addColumn('content', 'text', (column) => column.notNull())
          .addColumn('question', 'text')
          .addColumn('answer', 'text')
          .addColumn('content_hash', 'text', (column) => column.notNull()),
      ).execute();
      await db.schema.createIndex('knowledge_items_knowledge_base_id').on('knowledge_items').column('knowledge_base_id').execute();

      await withIngestionColumns(
        db.schema
          .createTable('knowledge_links')
          .addColumn('id', 'text', (column) => column.primaryKey())
          .addColumn('url', 'text', (column) => column.notNull())
          .addColumn('title', 'text', (column) => column.notNull())
          .addColumn('grabber_enabled', 'integer', (column) => column.notNull())
          // Bumped to ask for a fresh fetch (scheduled re-sync, manual refresh): part of the job id.
          .addColumn('sync_requests', 'integer', (column) => column.notNull())
          .addColumn('last_synced_at', timestamp)
          .addColumn('etag', 'text')
          .addColumn('last_modified', 'text')
          .addColumn('content_hash', 'text'),
      ).execute();
      await db.schema
        .createIndex('knowledge_links_url')
        .on('knowledge_links')
        .columns(['knowledge_base_id', 'url'])
        .unique()
        .execute();

      await db.schema
        .createTable('knowledge_chunks')
        .addColumn('id', capabilities.integerIdentity === 'autoincrement' ? 'integer' : 'bigint', chunkKey)
        .addColumn('knowledge_base_id', 'text', (column) =>
          column.notNull().references('knowledge_bases.id').onDelete('cascade'),
        )
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
        .addColumn('created_at', timestamp, (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('knowledge_chunks_source')
        .on('knowledge_chunks')
        .columns(['source_kind', 'source_id', 'ordinal'])
        .execute();
      await db.schema
        .createIndex('knowledge_chunks_knowledge_base_id')
        .on('knowledge_chunks')
        .columns(['knowledge_base_id', 'embedding_model'])
        .execute();
      await createFullTextIndex(db, capabilities);
    },
    async down(db: Kysely<unknown>) {
      if (capabilities.fullTextSearch === 'fts5') await sql`drop table if exists knowledge_chunks_fts`.execute(db);
      const tables = ['knowledge_chunks', 'knowledge_links', 'knowledge_items', 'knowledge_files', 'chatbot_knowledge_bases', 'knowledge_bases'];
      for (const table of tables) await db.schema.dropTable(table).execute();
    },
  };
}

/**
 * SQLite: an external-content FTS5 table over the chunk text (no second copy of the text),
 * kept in step by triggers; chunks are written and deleted, never updated. PostgreSQL: a stored
 * generated tsvector with a GIN index. Both stem English (`porter` / the `english` configuration).
 */
async function createFullTextIndex(db: Kysely<unknown>, capabilities: StorageCapabilities): Promise<void> {
  if (capabilities.fullTextSearch === 'tsvector') {
    await sql`alter table knowledge_chunks add column search_vector tsvector
      generated always as (to_tsvector('english', text)) stored`.execute(db);
    await sql`create index knowledge_chunks_search_vector on knowledge_chunks using gin (search_vector)`.execute(db);
    return;
  }
  await sql`create virtual table knowledge_chunks_fts using fts5(
      text, content='knowledge_chunks', content_rowid='id', tokenize='porter unicode61')`.execute(db);
  await sql`create trigger knowledge_chunks_fts_insert after insert on knowledge_chunks begin
      insert into knowledge_chunks_fts(rowid, text) values (new.id, new.text);
    end`.execute(db);
  await sql`create trigger knowledge_chunks_fts_delete after delete on knowledge_chunks begin
      insert into knowledge_chunks_fts(knowledge_chunks_fts, rowid, text) values ('delete', old.id, old.text);
    end`.execute(db);
}
