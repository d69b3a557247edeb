import { Type } from 'typebox';
import { retrievalMethods } from '../../../core/knowledge/knowledge-base.js';
import { PageQuery, StrictObject } from './common.js';

const Timestamp = Type.String({ format: 'date-time' });
const Id = Type.String({ minLength: 1, maxLength: 64 });

const EmbeddingModel = StrictObject({
  providerId: Type.String({ minLength: 1, maxLength: 64, description: 'One of your LLM providers (OpenAI or OpenAI-compatible)' }),
  name: Type.String({ minLength: 1, maxLength: 200, description: 'The embedding model, e.g. "text-embedding-3-small"' }),
});

/** seed 003's knowledge-base settings, with their limits. */
export const settingsFields = {
  embeddingType: Type.Enum(['offline', 'provider'], { description: '"offline" (built in) or "provider" (set embeddingModel)' }),
  embeddingModel: Type.Union([EmbeddingModel, Type.Null()]),
  chunkSize: Type.Integer({ minimum: 64, maximum: 8192, description: 'Largest chunk, in tokens' }),
  chunkOverlap: Type.Integer({ minimum: 0, maximum: 4095, description: 'Tokens repeated between chunks; less than half of chunkSize' }),
  retrievalMethod: Type.Enum([...retrievalMethods]),
  sparseWeightage: Type.Number({ minimum: 0, maximum: 1, description: 'Weight of full-text scores in hybrid retrieval' }),
  topK: Type.Integer({ minimum: 1, maximum: 50 }),
  rerankingEnabled: Type.Boolean(),
  topKAfterReranking: Type.Integer({ minimum: 1, maximum: 50 }),
  updateInterval: Type.Integer({ minimum: 0, maximum: 365 * 24 * 3600, description: 'Seconds between link re-syncs; 0 never' }),
};

const Name = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Description = Type.String({ maxLength: 2000 });

const optionalSettings = Object.fromEntries(
  Object.entries(settingsFields).map(([name, schema]) => [name, Type.Optional(schema)]),
) as { [Name in keyof typeof settingsFields]: ReturnType<typeof Type.Optional<(typeof settingsFields)[Name]>> };

export const CreateKnowledgeBaseBody = StrictObject({ name: Name, description: Type.Optional(Description), ...optionalSettings });

/** A partial update; changing chunking or the embedding model re-processes every source in the background. */
export const UpdateKnowledgeBaseBody = StrictObject({
  name: Type.Optional(Name),
  description: Type.Optional(Description),
  ...optionalSettings,
});

export const KnowledgeBase = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  ...settingsFields,
  filesCount: Type.Integer({ description: 'Uploaded documents, spreadsheets excluded' }),
  spreadsheetsCount: Type.Integer(),
  linksCount: Type.Integer(),
  itemsCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const KnowledgeBaseData = Type.Object({ knowledgeBase: KnowledgeBase });

export const KnowledgeBaseListQuery = StrictObject({ ...PageQuery });

export const ChatbotIdParams = StrictObject({ chatbotId: Id });
export const ChatbotKnowledgeBaseParams = StrictObject({ chatbotId: Id, id: Id });
