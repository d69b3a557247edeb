import type { BlobStorage } from '../../storage/blobs/blob-storage.js';
import type { Repositories, Store } from '../../storage/store.js';
import { NotFoundError } from '../errors.js';
import type { DenseIndex } from './dense-index.js';
import { embeddingModelKey, settingsOf } from './knowledge-base.js';
import type { KnowledgeSource, SourceKind } from './knowledge-source.js';

const resourceNames: Record<SourceKind, string> = { file: 'File', item: 'Knowledge item', link: 'Link' };

/**
 * Deletes a source with its chunks in one transaction (so search stops finding it the moment
 * the delete returns), then its blob. A crash between the two leaves an unreferenced blob,
 * never a file row without its content.
 */
export class SourceRemoval {
  constructor(
    private readonly store: Store,
    private readonly blobs: BlobStorage,
    private readonly denseIndex: DenseIndex,
  ) {}

  async remove(ownerId: string, knowledgeBaseId: string, kind: SourceKind, id: string): Promise<KnowledgeSource> {
    const removed = await this.store.transaction(async (repositories) => {
      const source = await deleteOwned(repositories, ownerId, knowledgeBaseId, kind, id);
      if (!source) throw new NotFoundError(resourceNames[kind]);
      const removedIds = await repositories.knowledgeChunks.deleteSource(kind, id);
      const contentVersion = await repositories.knowledgeBases.bumpContentVersion(knowledgeBaseId);
      const knowledgeBase = await repositories.knowledgeBases.findById(knowledgeBaseId);
      return { source, removedIds, contentVersion, modelKey: knowledgeBase && embeddingModelKey(settingsOf(knowledgeBase)) };
    });
    if (removed.modelKey) {
      const change = { removedIds: removed.removedIds, insertedIds: [], vectors: [], contentVersion: removed.contentVersion };
      this.denseIndex.applyChange(knowledgeBaseId, removed.modelKey, change);
    }
    if (removed.source.kind === 'file') await this.blobs.delete(removed.source.row.blobKey);
    return removed.source;
  }
}

async function deleteOwned(
  repositories: Repositories,
  ownerId: string,
  knowledgeBaseId: string,
  kind: SourceKind,
  id: string,
): Promise<KnowledgeSource | undefined> {
  switch (kind) {
    case 'file': {
      const row = await repositories.knowledgeFiles.deleteOwned(knowledgeBaseId, id, ownerId);
      return row && { kind, row };
    }
    case 'item': {
      const row = await repositories.knowledgeItems.deleteOwned(knowledgeBaseId, id, ownerId);
      return row && { kind, row };
    }
    case 'link': {
      const row = await repositories.knowledgeLinks.deleteOwned(knowledgeBaseId, id, ownerId);
      return row && { kind, row };
    }
  }
}
