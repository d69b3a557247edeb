import type { KnowledgeFileRow } from '../../storage/repositories/knowledge-files-repository.js';
import type { KnowledgeItemRow } from '../../storage/repositories/knowledge-items-repository.js';
import type { KnowledgeLinkRow } from '../../storage/repositories/knowledge-links-repository.js';
import type { SourceKind } from '../../storage/repositories/knowledge-sources-repository.js';
import type { Repositories } from '../../storage/store.js';

export type { SourceKind };

/** A source row with its kind, as the ingestion pipeline handles all three alike. */
export type KnowledgeSource =
  | { kind: 'file'; row: KnowledgeFileRow }
  | { kind: 'item'; row: KnowledgeItemRow }
  | { kind: 'link'; row: KnowledgeLinkRow };

export async function loadSource(
  repositories: Repositories,
  kind: SourceKind,
  id: string,
): Promise<KnowledgeSource | undefined> {
  switch (kind) {
    case 'file': {
      const row = await repositories.knowledgeFiles.findById(id);
      return row && { kind, row };
    }
    case 'item': {
      const row = await repositories.knowledgeItems.findById(id);
      return row && { kind, row };
    }
    case 'link': {
      const row = await repositories.knowledgeLinks.findById(id);
      return row && { kind, row };
    }
  }
}

/**
 * What makes a source's content what it is, for its job id: the content hash of a file or an
 * item, and for a link (whose content is only known once fetched) the count of requested syncs.
 */
export function revisionOf(source: KnowledgeSource): string {
  if (source.kind === 'link') return `sync${source.row.syncRequests}`;
  return source.row.contentHash.slice(0, 16);
}

/** The name a citation shows for a source. */
export function titleOf(source: KnowledgeSource): string {
  switch (source.kind) {
    case 'file':
      return source.row.name;
    case 'item':
      return source.row.title || (source.row.question ?? 'Knowledge item');
    case 'link':
      return source.row.title || source.row.url;
  }
}
