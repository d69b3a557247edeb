import { randomUUID } from 'node:crypto';
import type { BlobStorage } from '../../storage/blobs/blob-storage.js';
import type { KnowledgeFileRow } from '../../storage/repositories/knowledge-files-repository.js';
import type { Store } from '../../storage/store.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { IngestionScheduler } from './ingestion-scheduler.js';
import { toKnowledgeFile, type KnowledgeFile } from './knowledge-views.js';
import { requireKnowledgeBase } from './owned-knowledge-base.js';
import type { SourceRemoval } from './source-removal.js';
import { isSpreadsheet, storeUpload, type FileUpload, type StoredUpload } from './stored-upload.js';

export type { FileUpload };

/** Which files a listing shows: all, documents only, or spreadsheets only. */
export type FileKindFilter = 'all' | KnowledgeFile['kind'];

/**
 * Files of a user's knowledge bases: upload, refresh by re-upload, list, delete. An upload is
 * stored and recorded at once and processed in the background; the same bytes uploaded again to
 * the same knowledge base are recognised by their hash and give back the existing file.
 */
export class KnowledgeFileService {
  constructor(
    private readonly store: Store,
    private readonly blobs: BlobStorage,
    private readonly scheduler: IngestionScheduler,
    private readonly removal: SourceRemoval,
    readonly maximumUploadBytes: number,
  ) {}

  /** `created` is false when the knowledge base already held these exact bytes. */
  async upload(ownerId: string, knowledgeBaseId: string, upload: FileUpload): Promise<{ file: KnowledgeFile; created: boolean }> {
    const knowledgeBase = await requireKnowledgeBase(this.store, ownerId, knowledgeBaseId);
    const stored = await storeUpload(this.blobs, knowledgeBaseId, upload, this.maximumUploadBytes);
    const existing = await this.store.knowledgeFiles.findByHash(knowledgeBaseId, stored.contentHash);
    if (existing) return this.discard(stored, existing);
    const now = new Date().toISOString();
    let row: KnowledgeFileRow;
    try {
      row = await this.store.knowledgeFiles.insert({
        id: randomUUID(),
        knowledgeBaseId,
        name: cleanName(upload.filename) || 'upload',
        ...fileColumns(stored),
        status: 'PENDING',
        failureReason: null,
        taskId: null,
        chunkCount: 0,
        createdAt: now,
        updatedAt: now,
      });
    } catch (error) {
      // Two uploads of the same bytes raced; the other one won.
      const winner = this.store.isUniqueViolation(error) && (await this.store.knowledgeFiles.findByHash(knowledgeBaseId, stored.contentHash));
      if (!winner) throw error;
      return this.discard(stored, winner);
    }
    await this.scheduler.schedule(knowledgeBase, { kind: 'file', row });
    return { file: await this.get(ownerId, knowledgeBaseId, row.id), created: true };
  }

  /**
   * Replaces a file's content with a new upload (seed 003's refresh). The old chunks stay
   * searchable until the new ones are ready; the same bytes again change nothing.
   */
  async refresh(ownerId: string, knowledgeBaseId: string, fileId: string, upload: FileUpload): Promise<KnowledgeFile> {
    const knowledgeBase = await requireKnowledgeBase(this.store, ownerId, knowledgeBaseId);
    const file = await this.findFile(ownerId, knowledgeBaseId, fileId);
    const stored = await storeUpload(this.blobs, knowledgeBaseId, upload, this.maximumUploadBytes);
    if (stored.contentHash === file.contentHash) return (await this.discard(stored, file)).file;
    const duplicate = await this.store.knowledgeFiles.findByHash(knowledgeBaseId, stored.contentHash);
    if (duplicate) {
      await this.blobs.delete(stored.blobKey);
      throw new ConflictError(`This content is already in the knowledge base as "${duplicate.name}"`);
    }
    const row = await this.store.knowledgeFiles.update(file.id, {
      name: cleanName(upload.filename) || file.name,
      ...fileColumns(stored),
      summary: null,
      updatedAt: new Date().toISOString(),
    });
    if (!row) {
      await this.blobs.delete(stored.blobKey);
      throw new NotFoundError('File');
    }
    await this.blobs.delete(file.blobKey);
    await this.scheduler.schedule(knowledgeBase, { kind: 'file', row });
    return this.get(ownerId, knowledgeBaseId, row.id);
  }

  async list(ownerId: string, knowledgeBaseId: string, kind: FileKindFilter = 'all'): Promise<KnowledgeFile[]> {
    await requireKnowledgeBase(this.store, ownerId, knowledgeBaseId);
    const rows = await this.store.knowledgeFiles.listOwned(knowledgeBaseId, ownerId, kind === 'all' ? undefined : kind);
    return rows.map(toKnowledgeFile);
  }

  async get(ownerId: string, knowledgeBaseId: string, fileId: string): Promise<KnowledgeFile> {
    return toKnowledgeFile(await this.findFile(ownerId, knowledgeBaseId, fileId));
  }

  /** Deletes the file, its chunks and its blob. */
  async delete(ownerId: string, knowledgeBaseId: string, fileId: string): Promise<void> {
    await this.removal.remove(ownerId, knowledgeBaseId, 'file', fileId);
  }

  private async findFile(ownerId: string, knowledgeBaseId: string, fileId: string): Promise<KnowledgeFileRow> {
    const file = await this.store.knowledgeFiles.findOwned(knowledgeBaseId, fileId, ownerId);
    if (!file) throw new NotFoundError('File');
    return file;
  }

  private async discard(stored: StoredUpload, existing: KnowledgeFileRow): Promise<{ file: KnowledgeFile; created: false }> {
    await this.blobs.delete(stored.blobKey);
    return { file: toKnowledgeFile(existing), created: false };
  }
}

function fileColumns(stored: StoredUpload) {
  return {
    blobKey: stored.blobKey,
    contentHash: stored.contentHash,
    sizeBytes: stored.sizeBytes,
    documentType: stored.documentType,
    kind: isSpreadsheet(stored.documentType) ? ('spreadsheet' as const) : ('document' as const),
  };
}

/** The uploader's file name as a label: no path, no control characters, a sane length; may be empty. */
function cleanName(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  return base.replace(/[\p{Cc}\p{Cf}]/gu, '').trim().slice(0, 255);
}
