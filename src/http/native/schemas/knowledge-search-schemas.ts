import { Type } from 'typebox';
import { retrievalMethods } from '../../../core/knowledge/knowledge-base.js';
import { StrictObject } from './common.js';

export const SearchQuery = StrictObject({
  q: Type.String({ minLength: 1, maxLength: 2000, description: 'The question or keywords' }),
  topK: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: "Defaults to the knowledge base's topK" })),
  method: Type.Optional(Type.Enum([...retrievalMethods], { description: "Defaults to the knowledge base's retrievalMethod" })),
});

const Position = Type.Object({
  page: Type.Optional(Type.Integer()),
  pageEnd: Type.Optional(Type.Integer()),
  headingPath: Type.Optional(Type.Array(Type.String())),
  sheet: Type.Optional(Type.String()),
  row: Type.Optional(Type.Integer()),
  rowEnd: Type.Optional(Type.Integer()),
  url: Type.Optional(Type.String()),
});

export const Passage = Type.Object({
  id: Type.String(),
  index: Type.Integer({ description: 'Citation number, 1 for the best passage' }),
  title: Type.String({ description: 'File name, item title or page title' }),
  location: Type.Optional(Type.String({ description: 'Where, in words: "page 3", "sheet \\"Revenue\\", row 5"' })),
  url: Type.Optional(Type.String()),
  text: Type.String(),
  score: Type.Number(),
  knowledgeBaseId: Type.String(),
  source: Type.Object({ kind: Type.Enum(['file', 'item', 'link']), id: Type.String() }),
  position: Position,
});

export const TaskParams = StrictObject({ id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$' }) });

export const Task = Type.Object({
  id: Type.String(),
  name: Type.String(),
  status: Type.Enum(['PENDING', 'STARTED', 'SUCCESS', 'FAILURE']),
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  result: Type.Unknown(),
  failureReason: Type.Union([Type.String(), Type.Null()]),
  attempts: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const TaskData = Type.Object({ task: Task });
