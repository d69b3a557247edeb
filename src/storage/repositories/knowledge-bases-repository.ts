import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database, KnowledgeBasesTable } from '../schema.js';
import { offsetOf, type Page, type PageRequest } from '../pagination.js';

export type KnowledgeBaseRow = Selectable<KnowledgeBasesTable>;

/** A knowledge base with how many sources of each kind it holds (seed 003 #36). */
export interface KnowledgeBaseWithCounts extends KnowledgeBaseRow {
  filesCount: number;
  spreadsheetsCount: number;
  linksCount: number;
  itemsCount: number;
}

/**
 * Knowledge bases, always read and written through their owner, and their attachment to that
 * owner's chatbots. A knowledge base of another user is simply not found.
 */
export class KnowledgeBasesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(knowledgeBase: Insertable<KnowledgeBasesTable>): Promise<KnowledgeBaseRow> {
    return this.db.insertInto('knowledgeBases').values(knowledgeBase).returningAll().executeTakeFirstOrThrow();
  }

  async findOwned(id: string, ownerId: string): Promise<KnowledgeBaseWithCounts | undefined> {
    return this.withCounts(ownerId).where('knowledgeBases.id', '=', id).executeTakeFirst();
  }

  /** The knowledge bases among `ids` that the owner has; the others are silently left out. */
  async findManyOwned(ids: readonly string[], ownerId: string): Promise<KnowledgeBaseRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('knowledgeBases')
      .selectAll()
      .where('ownerId', '=', ownerId)
      .where('id', 'in', ids)
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
  }

  /** For background jobs, which act for the owner recorded on the row. */
  async findById(id: string): Promise<KnowledgeBaseRow | undefined> {
    return this.db.selectFrom('knowledgeBases').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listOwned(ownerId: string, request: PageRequest): Promise<Page<KnowledgeBaseWithCounts>> {
    const [items, count] = await Promise.all([
      this.withCounts(ownerId)
        .orderBy('knowledgeBases.createdAt', 'desc')
        .orderBy('knowledgeBases.id')
        .limit(request.limit)
        .offset(offsetOf(request))
        .execute(),
      this.db
        .selectFrom('knowledgeBases')
        .select((select) => select.fn.countAll<number>().as('total'))
        .where('ownerId', '=', ownerId)
        .executeTakeFirstOrThrow(),
    ]);
    return { items, total: Number(count.total) };
  }

  /** The owner's knowledge bases attached to one of the owner's live chatbots, oldest attachment first. */
  async listAttachedOwned(chatbotId: string, ownerId: string): Promise<KnowledgeBaseWithCounts[]> {
    return this.withCounts(ownerId)
      .innerJoin('chatbotKnowledgeBases as attachment', 'attachment.knowledgeBaseId', 'knowledgeBases.id')
      .innerJoin('chatbots', 'chatbots.id', 'attachment.chatbotId')
      .where('attachment.chatbotId', '=', chatbotId)
      .where('chatbots.ownerId', '=', ownerId)
      .where('chatbots.deletedAt', 'is', null)
      .orderBy('attachment.createdAt')
      .orderBy('knowledgeBases.id')
      .execute();
  }

  async updateOwned(
    id: string,
    ownerId: string,
    patch: Updateable<KnowledgeBasesTable>,
  ): Promise<KnowledgeBaseRow | undefined> {
    return this.db
      .updateTable('knowledgeBases')
      .set(patch)
      .where('id', '=', id)
      .where('ownerId', '=', ownerId)
      .returningAll()
      .executeTakeFirst();
  }

  async deleteOwned(id: string, ownerId: string): Promise<KnowledgeBaseRow | undefined> {
    return this.db
      .deleteFrom('knowledgeBases')
      .where('id', '=', id)
      .where('ownerId', '=', ownerId)
      .returningAll()
      .executeTakeFirst();
  }

  /** Records that the knowledge base's chunks changed; returns the new content version. */
  async bumpContentVersion(id: string): Promise<number> {
    const row = await this.db
      .updateTable('knowledgeBases')
      .set({ contentVersion: sql<number>`${sql.ref('content_version')} + 1` })
      .where('id', '=', id)
      .returning('contentVersion')
      .executeTakeFirstOrThrow();
    return row.contentVersion;
  }

  /** Attaches; attaching twice changes nothing. The caller has checked both ends belong to the owner. */
  async attach(chatbotId: string, knowledgeBaseId: string, at: string): Promise<void> {
    await this.db
      .insertInto('chatbotKnowledgeBases')
      .values({ chatbotId, knowledgeBaseId, createdAt: at })
      .onConflict((conflict) => conflict.columns(['chatbotId', 'knowledgeBaseId']).doNothing())
      .execute();
  }

  /** Detaches; false when the two were not attached. */
  async detach(chatbotId: string, knowledgeBaseId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('chatbotKnowledgeBases')
      .where('chatbotId', '=', chatbotId)
      .where('knowledgeBaseId', '=', knowledgeBaseId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The knowledge bases attached to a live chatbot of the owner, without source counts (for retrieval). */
  async listAttachedRowsOwned(chatbotId: string, ownerId: string): Promise<KnowledgeBaseRow[]> {
    return this.db
      .selectFrom('knowledgeBases')
      .selectAll('knowledgeBases')
      .innerJoin('chatbotKnowledgeBases as attachment', 'attachment.knowledgeBaseId', 'knowledgeBases.id')
      .innerJoin('chatbots', 'chatbots.id', 'attachment.chatbotId')
      .where('attachment.chatbotId', '=', chatbotId)
      .where('chatbots.ownerId', '=', ownerId)
      .where('chatbots.deletedAt', 'is', null)
      .where('knowledgeBases.ownerId', '=', ownerId)
      .orderBy('attachment.createdAt')
      .orderBy('knowledgeBases.id')
      .execute();
  }

  private withCounts(ownerId: string) {
    return this.db
      .selectFrom('knowledgeBases')
      .selectAll('knowledgeBases')
      .select((select) => [
        select
          .selectFrom('knowledgeFiles')
          .select(select.fn.countAll<number>().as('count'))
          .whereRef('knowledgeFiles.knowledgeBaseId', '=', 'knowledgeBases.id')
          .where('knowledgeFiles.kind', '=', 'document')
          .as('filesCount'),
        select
          .selectFrom('knowledgeFiles')
          .select(select.fn.countAll<number>().as('count'))
          .whereRef('knowledgeFiles.knowledgeBaseId', '=', 'knowledgeBases.id')
          .where('knowledgeFiles.kind', '=', 'spreadsheet')
          .as('spreadsheetsCount'),
        select
          .selectFrom('knowledgeLinks')
          .select(select.fn.countAll<number>().as('count'))
          .whereRef('knowledgeLinks.knowledgeBaseId', '=', 'knowledgeBases.id')
          .as('linksCount'),
        select
          .selectFrom('knowledgeItems')
          .select(select.fn.countAll<number>().as('count'))
          .whereRef('knowledgeItems.knowledgeBaseId', '=', 'knowledgeBases.id')
          .as('itemsCount'),
      ])
      .where('knowledgeBases.ownerId', '=', ownerId)
      .$narrowType<{ filesCount: number; spreadsheetsCount: number; linksCount: number; itemsCount: number }>();
  }
}
