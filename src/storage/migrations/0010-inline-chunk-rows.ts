import { sql, type Kysely, type Migration } from 'kysely';
import type { StorageCapabilities } from '../dialect.js';

/**
 * PostgreSQL only: chunk rows stay whole in their table instead of being TOASTed. A chunk row is
 * ~3.5 KB (about 1.5 KB of text and a 2 KB float32 embedding), over the 2 KB at which PostgreSQL
 * starts compressing values and moving them to a side table. Vectors do not compress, so that
 * work bought nothing, and moving staged rows into `knowledge_chunks` undid and redid it:
 * measured on 13,422 chunks (20 MB of text), staging them took 0.75 s of server CPU with TOAST
 * and 0.23 s without, the same size on disk. `toast_tuple_target` 8160 (the most allowed) keeps
 * rows under a page inline; longer ones are still TOASTed.
 *
 * The staging table is also made unlogged: its rows are disposable by design (a job clears what
 * it staged before it starts again), so writing them to the WAL too was only cost. A database
 * crash empties it, and every job interrupted by that crash runs again from the start anyway.
 * SQLite's pages hold such rows as they are, so nothing changes there.
 */
export function inlineChunkRowsMigration(capabilities: StorageCapabilities): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (capabilities.name !== 'postgres') return;
      await sql`alter table knowledge_chunks set (toast_tuple_target = 8160)`.execute(db);
      await sql`alter table knowledge_chunk_staging set unlogged`.execute(db);
      await sql`alter table knowledge_chunk_staging set (toast_tuple_target = 8160)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (capabilities.name !== 'postgres') return;
      await sql`alter table knowledge_chunks reset (toast_tuple_target)`.execute(db);
      await sql`alter table knowledge_chunk_staging set logged`.execute(db);
      await sql`alter table knowledge_chunk_staging reset (toast_tuple_target)`.execute(db);
    },
  };
}
