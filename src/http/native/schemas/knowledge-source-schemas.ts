import { Type } from 'typebox';
import { StrictObject } from './common.js';

const Timestamp = Type.String({ format: 'date-time' });
const Id = Type.String({ minLength: 1, maxLength: 64 });

const ingestionFields = {
  status: Type.Enum(['PENDING', 'STARTED', 'SUCCESS', 'FAILURE']),
  failureReason: Type.Union([Type.String(), Type.Null()]),
  taskId: Type.Union([Type.String(), Type.Null()], { description: 'Follow it at GET /tasks/:id' }),
  chunkCount: Type.Integer(),
};

export const FileParams = StrictObject({ id: Id, fileId: Id });
export const ItemParams = StrictObject({ id: Id, itemId: Id });
export const LinkParams = StrictObject({ id: Id, linkId: Id });

export const FileListQuery = StrictObject({
  kind: Type.Enum(['all', 'document', 'spreadsheet'], { default: 'all' }),
});

export const KnowledgeFile = Type.Object({
  id: Type.String(),
  knowledgeBaseId: Type.String(),
  name: Type.String(),
  kind: Type.Enum(['document', 'spreadsheet']),
  documentType: Type.String({ description: 'Detected from the content: pdf, docx, xlsx, csv, html, markdown, json or text' }),
  sizeBytes: Type.Integer(),
  contentHash: Type.String({ description: 'SHA-256 of the bytes' }),
  summary: Type.Union([Type.String(), Type.Null()], { description: "A spreadsheet's sheet profiles, once processed" }),
  ...ingestionFields,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const KnowledgeFileData = Type.Object({ file: KnowledgeFile });

const ItemTitle = Type.String({ maxLength: 300 });
const ItemText = Type.String({ minLength: 1, maxLength: 100_000 });

export const CreateItemBody = StrictObject({
  type: Type.Enum(['text', 'qa'], { description: '"text" needs content; "qa" needs question and answer' }),
  title: Type.Optional(ItemTitle),
  content: Type.Optional(ItemText),
  question: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  answer: Type.Optional(ItemText),
});

export const UpdateItemBody = StrictObject({
  type: Type.Optional(Type.Enum(['text', 'qa'])),
  title: Type.Optional(ItemTitle),
  content: Type.Optional(ItemText),
  question: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
  answer: Type.Optional(ItemText),
});

export const KnowledgeItem = Type.Object({
  id: Type.String(),
  knowledgeBaseId: Type.String(),
  type: Type.Enum(['text', 'qa']),
  title: Type.String(),
  content: Type.String(),
  question: Type.Union([Type.String(), Type.Null()]),
  answer: Type.Union([Type.String(), Type.Null()]),
  ...ingestionFields,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const KnowledgeItemData = Type.Object({ item: KnowledgeItem });

export const CreateLinkBody = StrictObject({
  url: Type.String({ minLength: 1, maxLength: 2048, description: 'An http or https URL' }),
  title: Type.Optional(Type.String({ maxLength: 300 })),
  grabberEnabled: Type.Optional(Type.Boolean({ description: "Also follow the page's links" })),
});

export const KnowledgeLink = Type.Object({
  id: Type.String(),
  knowledgeBaseId: Type.String(),
  url: Type.String(),
  title: Type.String(),
  grabberEnabled: Type.Boolean(),
  lastSyncedAt: Type.Union([Timestamp, Type.Null()]),
  ...ingestionFields,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const KnowledgeLinkData = Type.Object({ link: KnowledgeLink });
