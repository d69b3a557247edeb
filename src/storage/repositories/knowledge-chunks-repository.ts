import { sql, type Kysely, type Selectable } from 'kysely';
import { toFts5MatchQuery, toPostgresTsQuery } from '../../search/bm25-query.js';
import type { StorageCapabilities } from '../dialect.js';
import type { Database, KnowledgeChunksTable } from '../schema.js';
import type { SourceKind } from './knowledge-sources-repository.js';

/** A chunk as read back, without its embedding. */
export type KnowledgeChunkRow = Omit<Selectable<KnowledgeChunksTable>, 'embedding'>;

/** A full-text hit: higher scores are better (BM25 on SQLite, cover density rank on PostgreSQL). */
export interface SparseHit {
  chunkId: number;
  score: number;
}

/**
 * Chunks and their full-text index. Searches take the caller's id and filter on it in the
 * query itself (SECURITY §1): a chunk of another tenant is never a candidate, not merely dropped
 * afterwards.
 */
export class KnowledgeChunksRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly capabilities: Pick<StorageCapabilities, 'fullTextSearch'>,
  ) {}

  /** Deletes the chunks of these pages of a link; returns their ids. */
  async deleteLinkPages(linkId: string, urls: readonly string[]): Promise<number[]> {
    if (urls.length === 0) return [];
    const rows = await this.db
      .deleteFrom('knowledgeChunks')
      .where('sourceKind', '=', 'link')
      .where('sourceId', '=', linkId)
      .where('sourceUrl', 'in', urls)
      .returning('id')
      .execute();
    return rows.map((row) => Number(row.id));
  }

  /**
   * Deletes a link's chunks that belong to none of its stored pages (`knowledge_link_pages`),
   * such as those of a single-page fetch from before pages were tracked; returns their ids.
   */
  async deleteUnlistedLinkPages(linkId: string): Promise<number[]> {
    const rows = await this.db
      .deleteFrom('knowledgeChunks')
      .where('sourceKind', '=', 'link')
      .where('sourceId', '=', linkId)
      .where((where) =>
        where.or([
          where('sourceUrl', 'is', null),
          where('sourceUrl', 'not in', where.selectFrom('knowledgeLinkPages').select('url').where('linkId', '=', linkId)),
        ]),
      )
      .returning('id')
      .execute();
    return rows.map((row) => Number(row.id));
  }

  /** How many chunks a source has. */
  async countSource(kind: SourceKind, sourceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('knowledgeChunks')
      .select((select) => select.fn.countAll<number>().as('count'))
      .where('sourceKind', '=', kind)
      .where('sourceId', '=', sourceId)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Deletes a source's chunks; returns their ids. */
  async deleteSource(kind: SourceKind, sourceId: string): Promise<number[]> {
    const rows = await this.db
      .deleteFrom('knowledgeChunks')
      .where('sourceKind', '=', kind)
      .where('sourceId', '=', sourceId)
      .returning('id')
      .execute();
    return rows.map((row) => Number(row.id));
  }

  /** Deletes every chunk of a knowledge base (before the knowledge base itself goes). */
  async deleteKnowledgeBase(knowledgeBaseId: string): Promise<void> {
    await this.db.deleteFrom('knowledgeChunks').where('knowledgeBaseId', '=', knowledgeBaseId).execute();
  }

  /** A source's chunks in document order, without embeddings. */
  async listBySource(kind: SourceKind, sourceId: string): Promise<KnowledgeChunkRow[]> {
    return this.withoutEmbedding()
      .where('sourceKind', '=', kind)
      .where('sourceId', '=', sourceId)
      .orderBy('ordinal')
      .execute();
  }

  /**
   * The ids of a knowledge base's chunks — those embedded with `embeddingModel` when given — for
   * an in-process index to tell what it lacks.
   */
  async listIds(knowledgeBaseId: string, embeddingModel?: string): Promise<number[]> {
    let query = this.db.selectFrom('knowledgeChunks').select('id').where('knowledgeBaseId', '=', knowledgeBaseId);
    if (embeddingModel !== undefined) query = query.where('embeddingModel', '=', embeddingModel);
    const rows = await query.execute();
    return rows.map((row) => Number(row.id));
  }

  /** The embeddings of the chunks with these ids that lie in this knowledge base. */
  async listEmbeddingsByIds(knowledgeBaseId: string, ids: readonly number[]): Promise<{ id: number; embedding: Float32Array }[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('knowledgeChunks')
      .select(['id', 'embedding'])
      .where('id', 'in', ids)
      .where('knowledgeBaseId', '=', knowledgeBaseId)
      .execute();
    return rows.map((row) => ({ id: Number(row.id), embedding: fromBytes(row.embedding) }));
  }

  /** The texts of the chunks with these ids that lie in this knowledge base. */
  async listTexts(knowledgeBaseId: string, ids: readonly number[]): Promise<{ id: number; text: string }[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('knowledgeChunks')
      .select(['id', 'text'])
      .where('id', 'in', ids)
      .where('knowledgeBaseId', '=', knowledgeBaseId)
      .execute();
    return rows.map((row) => ({ id: Number(row.id), text: row.text }));
  }

  /** The chunks with these ids that lie in the owner's knowledge bases. */
  async findManyOwned(ids: readonly number[], ownerId: string): Promise<KnowledgeChunkRow[]> {
    if (ids.length === 0) return [];
    return this.withoutEmbedding()
      .where('id', 'in', ids)
      .where('knowledgeBaseId', 'in', this.db.selectFrom('knowledgeBases').select('id').where('ownerId', '=', ownerId))
      .execute();
  }

  /**
   * Full-text search for a user's question over the owner's knowledge bases among
   * `knowledgeBaseIds`, best first. The question goes through src/search's injection-safe
   * builders (`toFts5MatchQuery` / `toPostgresTsQuery`) and is always a bound parameter.
   * Chunks still in the full-text backlog ({@link indexFullTextBacklog}) are not found.
   */
  async searchSparse(ownerId: string, knowledgeBaseIds: readonly string[], question: string, limit: number): Promise<SparseHit[]> {
    const fts5 = this.capabilities.fullTextSearch === 'fts5';
    const query = fts5 ? toFts5MatchQuery(question) : toPostgresTsQuery(question);
    if (query === undefined || knowledgeBaseIds.length === 0 || limit <= 0) return [];
    const knowledgeBases = sql.join(knowledgeBaseIds.map((id) => sql`${id}`));
    const statement = fts5
      ? sql<SparseHit>`
          select chunk.id as chunk_id, -bm25(knowledge_chunks_fts) as score
          from knowledge_chunks_fts
          join knowledge_chunks chunk on chunk.id = knowledge_chunks_fts.rowid
          join knowledge_bases base on base.id = chunk.knowledge_base_id
          where knowledge_chunks_fts match ${query}
            and base.owner_id = ${ownerId}
            and chunk.knowledge_base_id in (${knowledgeBases})
          order by bm25(knowledge_chunks_fts), chunk.id
          limit ${limit}`
      : sql<SparseHit>`
          select chunk.id as chunk_id, ts_rank_cd(chunk.search_vector, query) as score
          from knowledge_chunks chunk
          join knowledge_bases base on base.id = chunk.knowledge_base_id
          cross join to_tsquery('english', ${query}) query
          where chunk.search_vector @@ query
            and base.owner_id = ${ownerId}
            and chunk.knowledge_base_id in (${knowledgeBases})
          order by score desc, chunk.id
          limit ${limit}`;
    const { rows } = await statement.execute(this.db);
    return rows.map((row) => ({ chunkId: Number(row.chunkId), score: Number(row.score) }));
  }

  /**
   * Adds up to `limit` chunks of the full-text backlog (see migration 0009), oldest first, to the
   * database's full-text index; returns how many. Several processes may call it at once: on
   * PostgreSQL each claims rows the others have not locked, and SQLite has one writer.
   */
  async indexFullTextBacklog(limit: number): Promise<number> {
    if (this.capabilities.fullTextSearch === 'tsvector') {
      const result = await sql`
        with batch as (
          delete from knowledge_chunks_search_backlog where chunk_id in (
            select chunk_id from knowledge_chunks_search_backlog order by chunk_id limit ${limit} for update skip locked)
          returning chunk_id)
        update knowledge_chunks set search_vector = to_tsvector('english', text)
        where id in (select chunk_id from batch)`.execute(this.db);
      return Number(result.numAffectedRows ?? 0);
    }
    return this.db.transaction().execute(async (transaction) => {
      const rows = await transaction.selectFrom('knowledgeChunksSearchBacklog').select('chunkId').orderBy('chunkId').limit(limit).execute();
      const ids = rows.map((row) => Number(row.chunkId));
      if (ids.length === 0) return 0;
      await sql`insert into knowledge_chunks_fts (rowid, text)
          select id, text from knowledge_chunks where id in (${sql.join(ids)})`.execute(transaction);
      await transaction.deleteFrom('knowledgeChunksSearchBacklog').where('chunkId', 'in', ids).execute();
      return ids.length;
    });
  }

  /** Whether chunks of this knowledge base (of any, without one) wait to be added to the full-text index. */
  async hasFullTextBacklog(knowledgeBaseId?: string): Promise<boolean> {
    let query = this.db.selectFrom('knowledgeChunksSearchBacklog').select('chunkId').limit(1);
    if (knowledgeBaseId !== undefined) query = query.where('knowledgeBaseId', '=', knowledgeBaseId);
    return (await query.executeTakeFirst()) !== undefined;
  }

  private withoutEmbedding() {
    return this.db
      .selectFrom('knowledgeChunks')
      .select([
        'id',
        'knowledgeBaseId',
        'sourceKind',
        'sourceId',
        'sourceTitle',
        'sourceUrl',
        'ordinal',
        'text',
        'tokenCount',
        'location',
        'embeddingModel',
        'createdAt',
      ]);
  }
}

/** Copies, because a driver's Buffer may sit at an offset a Float32Array cannot start at. */
function fromBytes(bytes: Uint8Array): Float32Array {
  return new Float32Array(Uint8Array.prototype.slice.call(bytes).buffer);
}
