import type { KnowledgeFileRow } from '../../storage/repositories/knowledge-files-repository.js';
import type { KnowledgeItemRow } from '../../storage/repositories/knowledge-items-repository.js';
import type { KnowledgeLinkRow } from '../../storage/repositories/knowledge-links-repository.js';
import type { IngestionStatus } from '../../storage/schema.js';

/** Where a source stands in ingestion; `taskId` is readable at `GET /tasks/:id`. */
export interface IngestionState {
  status: IngestionStatus;
  failureReason: string | null;
  taskId: string | null;
  chunkCount: number;
}

/** An uploaded file. Spreadsheets (XLSX, CSV) carry the profile of their sheets in `summary` once processed. */
export interface KnowledgeFile extends IngestionState {
  id: string;
  knowledgeBaseId: string;
  name: string;
  kind: 'document' | 'spreadsheet';
  documentType: string;
  sizeBytes: number;
  contentHash: string;
  summary: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface KnowledgeItem extends IngestionState {
  id: string;
  knowledgeBaseId: string;
  type: 'text' | 'qa';
  title: string;
  content: string;
  question: string | null;
  answer: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface KnowledgeLink extends IngestionState {
  id: string;
  knowledgeBaseId: string;
  url: string;
  title: string;
  grabberEnabled: boolean;
  lastSyncedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

function ingestionState(row: IngestionState): IngestionState {
  return { status: row.status, failureReason: row.failureReason, taskId: row.taskId, chunkCount: row.chunkCount };
}

export function toKnowledgeFile(row: KnowledgeFileRow): KnowledgeFile {
  return {
    id: row.id,
    knowledgeBaseId: row.knowledgeBaseId,
    name: row.name,
    kind: row.kind,
    documentType: row.documentType,
    sizeBytes: Number(row.sizeBytes),
    contentHash: row.contentHash,
    summary: row.summary,
    ...ingestionState(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toKnowledgeItem(row: KnowledgeItemRow): KnowledgeItem {
  return {
    id: row.id,
    knowledgeBaseId: row.knowledgeBaseId,
    type: row.kind,
    title: row.title,
    content: row.content,
    question: row.question,
    answer: row.answer,
    ...ingestionState(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toKnowledgeLink(row: KnowledgeLinkRow): KnowledgeLink {
  return {
    id: row.id,
    knowledgeBaseId: row.knowledgeBaseId,
    url: row.url,
    title: row.title,
    grabberEnabled: row.grabberEnabled === 1,
    lastSyncedAt: row.lastSyncedAt,
    ...ingestionState(row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
