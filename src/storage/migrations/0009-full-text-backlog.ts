import { sql, type Kysely, type Migration } from 'kysely';
import type { StorageCapabilities } from '../dialect.js';

/**
 * The database's full-text index (FTS5 / `tsvector`) stops being filled as chunks are written:
 * it is only the fallback of the in-process BM25 index (decisions/0009), and filling it was the
 * largest single cost of ingesting plain text (decisions/0010). Every new chunk is listed in
 * `knowledge_chunks_search_backlog` instead — by a trigger, so no writer can forget — and
 * `FullTextIndexer` indexes the backlog in the background.
 *
 * SQLite: the FTS5 insert trigger becomes the backlog trigger; the delete trigger removes a chunk
 * from FTS5 only if it was indexed (an external-content FTS5 table must never be told to delete
 * a row it does not hold), else from the backlog. PostgreSQL: `search_vector` becomes a plain
 * column the indexer fills (null until then); a statement trigger lists new chunks, and the
 * backlog row goes with its chunk by cascade.
 */
export function fullTextBacklogMigration(capabilities: StorageCapabilities): Migration {
  const chunkIdType = capabilities.integerIdentity === 'autoincrement' ? 'integer' : 'bigint';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('knowledge_chunks_search_backlog')
        .addColumn('chunk_id', chunkIdType, (column) => {
          const key = column.primaryKey();
          return capabilities.fullTextSearch === 'tsvector' ? key.references('knowledge_chunks.id').onDelete('cascade') : key;
        })
        .addColumn('knowledge_base_id', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('knowledge_chunks_search_backlog_knowledge_base')
        .on('knowledge_chunks_search_backlog')
        .column('knowledge_base_id')
        .execute();
      if (capabilities.fullTextSearch === 'tsvector') {
        await sql`alter table knowledge_chunks alter column search_vector drop expression`.execute(db);
        await sql`create function knowledge_chunks_search_backlog_add() returns trigger language plpgsql as $$
            begin
              insert into knowledge_chunks_search_backlog (chunk_id, knowledge_base_id)
                select id, knowledge_base_id from inserted_chunks;
              return null;
            end $$`.execute(db);
        await sql`create trigger knowledge_chunks_search_backlog_insert after insert on knowledge_chunks
            referencing new table as inserted_chunks for each statement
            execute function knowledge_chunks_search_backlog_add()`.execute(db);
        return;
      }
      await sql`drop trigger knowledge_chunks_fts_insert`.execute(db);
      await sql`drop trigger knowledge_chunks_fts_delete`.execute(db);
      await sql`create trigger knowledge_chunks_search_backlog_insert after insert on knowledge_chunks begin
          insert into knowledge_chunks_search_backlog (chunk_id, knowledge_base_id) values (new.id, new.knowledge_base_id);
        end`.execute(db);
      await sql`create trigger knowledge_chunks_fts_delete after delete on knowledge_chunks begin
          insert into knowledge_chunks_fts (knowledge_chunks_fts, rowid, text)
            select 'delete', old.id, old.text
            where not exists (select 1 from knowledge_chunks_search_backlog where chunk_id = old.id);
          delete from knowledge_chunks_search_backlog where chunk_id = old.id;
        end`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (capabilities.fullTextSearch === 'tsvector') {
        await sql`drop trigger knowledge_chunks_search_backlog_insert on knowledge_chunks`.execute(db);
        await sql`drop function knowledge_chunks_search_backlog_add()`.execute(db);
        await sql`alter table knowledge_chunks drop column search_vector`.execute(db);
        await sql`alter table knowledge_chunks add column search_vector tsvector
            generated always as (to_tsvector('english', text)) stored`.execute(db);
        await sql`create index knowledge_chunks_search_vector on knowledge_chunks using gin (search_vector)`.execute(db);
      } else {
        await sql`insert into knowledge_chunks_fts (rowid, text)
            select chunk.id, chunk.text from knowledge_chunks chunk
            join knowledge_chunks_search_backlog backlog on backlog.chunk_id = chunk.id`.execute(db);
        await sql`drop trigger knowledge_chunks_search_backlog_insert`.execute(db);
        await sql`drop trigger knowledge_chunks_fts_delete`.execute(db);
        await sql`create trigger knowledge_chunks_fts_insert after insert on knowledge_chunks begin
            insert into knowledge_chunks_fts(rowid, text) values (new.id, new.text);
          end`.execute(db);
        await sql`create trigger knowledge_chunks_fts_delete after delete on knowledge_chunks begin
            insert into knowledge_chunks_fts(knowledge_chunks_fts, rowid, text) values ('delete', old.id, old.text);
          end`.execute(db);
      }
      await db.schema.dropTable('knowledge_chunks_search_backlog').execute();
    },
  };
}
