import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Bm25Index } from '../../search/bm25-index.js';
import { decodeBm25Index, encodeBm25Index } from '../../search/bm25-snapshot.js';

/** Knowledge base ids are generated UUIDs; anything else never becomes a file name. */
const safeIdPattern = /^[A-Za-z0-9-]{1,64}$/;

/**
 * BM25 index snapshots in a folder of DATA_DIR, one file per knowledge base, so a restarted
 * process reads an index instead of tokenizing every chunk again. A snapshot may be stale or
 * from another process's view: the sparse index diffs it against the chunk ids in the database
 * before use, so it only ever saves work, never decides a result. Missing or unreadable
 * snapshots are simply not there.
 */
export class SparseIndexSnapshots {
  constructor(private readonly directory: string) {}

  async load(knowledgeBaseId: string): Promise<Bm25Index | undefined> {
    const path = this.#pathOf(knowledgeBaseId);
    if (!path) return undefined;
    try {
      return decodeBm25Index(await readFile(path));
    } catch {
      // Missing (the usual case), or left corrupt by a crash mid-rename on an odd filesystem.
      return undefined;
    }
  }

  /** Writes atomically: a reader sees the previous snapshot or this one, never half of one. */
  async save(knowledgeBaseId: string, index: Bm25Index): Promise<void> {
    const path = this.#pathOf(knowledgeBaseId);
    if (!path) return;
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, encodeBm25Index(index), { mode: 0o600 });
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  async remove(knowledgeBaseId: string): Promise<void> {
    const path = this.#pathOf(knowledgeBaseId);
    if (path) await rm(path, { force: true });
  }

  #pathOf(knowledgeBaseId: string): string | undefined {
    return safeIdPattern.test(knowledgeBaseId) ? join(this.directory, `${knowledgeBaseId}.bm25`) : undefined;
  }
}
