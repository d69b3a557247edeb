import { Type } from 'typebox';
import { remoteProviderTypes } from '../../../core/providers/llm-provider.js';
import { PageQuery, StrictObject } from './common.js';

const Timestamp = Type.String({ format: 'date-time' });

const ProviderName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

const ProviderType = Type.Enum([...remoteProviderTypes], {
  description: 'Which API the provider speaks; fixed once created',
});

const ApiEndpoint = Type.String({
  minLength: 1,
  maxLength: 2048,
  description:
    'Base URL including the API version (https://api.openai.com/v1, http://localhost:11434/v1); ' +
    'required for openai-compatible and azure (the resource URL), the vendor default otherwise',
});

const Scope = Type.Enum(['global', 'private'], {
  description: 'global: defined by an admin for every user; private: only its creator sees it',
});

export const CreateLlmProviderBody = StrictObject({
  name: ProviderName,
  type: ProviderType,
  apiEndpoint: Type.Optional(ApiEndpoint),
  scope: Type.Optional(Type.Enum(['global', 'private'], { description: 'private unless an admin asks for global' })),
});

export const UpdateLlmProviderBody = StrictObject({
  name: Type.Optional(ProviderName),
  apiEndpoint: Type.Optional(Type.Union([ApiEndpoint, Type.Null()], { description: 'null: the vendor default' })),
});

export const LlmProviderListQuery = StrictObject({ ...PageQuery });

export const LlmProvider = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: ProviderType,
  apiEndpoint: Type.Union([Type.String(), Type.Null()]),
  scope: Scope,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const LlmProviderData = Type.Object({ llmProvider: LlmProvider });

const ModelInfo = Type.Object({ id: Type.String(), displayName: Type.Optional(Type.String()) });

export const ModelListData = Type.Object({
  models: Type.Union([Type.Array(ModelInfo), Type.Null()], {
    description: 'null when the provider publishes no model list (Azure: deployment names are your own)',
  }),
});
