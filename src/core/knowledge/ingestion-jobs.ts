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

/** How many pages of a link one sync re-ingested, kept as they were, dropped, or could not fetch. */
export interface LinkPageCounts {
  ingested: number;
  unchanged: number;
  removed: number;
  failed: number;
}

/**
 * What an ingestion job reports as its result (`GET /tasks/:id`): `unchanged` is a link sync
 * that found nothing new, so nothing was chunked or embedded; `chunkCount` is the source's total.
 */
export type IngestionResult =
  | { outcome: 'indexed'; chunkCount: number; pages?: LinkPageCounts }
  | { outcome: 'unchanged'; chunkCount: number; pages: LinkPageCounts }
  | { outcome: 'skipped'; reason: string };

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
