import type { KnowledgeBaseRow } from '../../storage/repositories/knowledge-bases-repository.js';
import { revisionOf, type KnowledgeSource, type SourceKind } from './knowledge-source.js';

/** Brings one source's chunks up to date with its content and its knowledge base's settings. */
export const ingestSourceJobName = 'ingest-knowledge-source';

/** Re-processes every source of a knowledge base after its chunking or embedding settings changed. */
export const reindexKnowledgeBaseJobName = 'reindex-knowledge-base';

/**
 * Every knowledge job names the user it works for: `GET /tasks/:id` shows a job only to that
 * user, and the job itself acts only within that user's data.
 */
export interface OwnedJobPayload {
  ownerId: string;
}

export interface IngestSourcePayload extends OwnedJobPayload {
  knowledgeBaseId: string;
  kind: SourceKind;
  sourceId: string;
}

export interface ReindexKnowledgeBasePayload extends OwnedJobPayload {
  knowledgeBaseId: string;
  settingsVersion: number;
}

/**
 * The job id for bringing `source` up to date: source id, content revision and settings version.
 * Enqueueing the same content under the same settings again is therefore a no-op that returns
 * the existing job, while new bytes or new settings always get a fresh job.
 */
export function ingestionJobId(source: KnowledgeSource, knowledgeBase: Pick<KnowledgeBaseRow, 'settingsVersion'>): string {
  return `ingest-${source.kind}-${source.row.id}-${revisionOf(source)}-s${knowledgeBase.settingsVersion}`;
}

export function reindexJobId(knowledgeBaseId: string, settingsVersion: number): string {
  return `reindex-${knowledgeBaseId}-s${settingsVersion}`;
}
