import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, KnowledgeLinkPagesTable } from '../schema.js';

export type KnowledgeLinkPageRow = Selectable<KnowledgeLinkPagesTable>;

/**
 * The pages of each link and what their last sync learned about them. Only the ingestion job
 * reads and writes these, for a link it has already loaded; owners reach them through the link.
 */
export class KnowledgeLinkPagesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async listByLink(linkId: string): Promise<KnowledgeLinkPageRow[]> {
    return this.db.selectFrom('knowledgeLinkPages').selectAll().where('linkId', '=', linkId).orderBy('url').execute();
  }

  /** Inserts the pages, or refreshes the stored ones (same link and URL) in place. */
  async upsert(pages: readonly Insertable<KnowledgeLinkPagesTable>[]): Promise<void> {
    if (pages.length === 0) return;
    await this.db
      .insertInto('knowledgeLinkPages')
      .values([...pages])
      .onConflict((conflict) =>
        conflict.columns(['linkId', 'url']).doUpdateSet((update) => ({
          etag: update.ref('excluded.etag'),
          lastModified: update.ref('excluded.lastModified'),
          contentHash: update.ref('excluded.contentHash'),
          settingsVersion: update.ref('excluded.settingsVersion'),
          syncedAt: update.ref('excluded.syncedAt'),
        })),
      )
      .execute();
  }

  async delete(linkId: string, urls: readonly string[]): Promise<void> {
    if (urls.length === 0) return;
    await this.db.deleteFrom('knowledgeLinkPages').where('linkId', '=', linkId).where('url', 'in', urls).execute();
  }
}
