import { Type } from 'typebox';
import { PageQuery, StrictObject } from './common.js';

const Timestamp = Type.String({ format: 'date-time' });

const ApiKey = Type.String({
  minLength: 1,
  maxLength: 4096,
  pattern: '\\S',
  description: 'The provider API key; stored encrypted and never shown again, only its mask',
});

export const CreateLlmConfigBody = StrictObject({
  providerId: Type.String({ minLength: 1, maxLength: 64 }),
  apiKey: ApiKey,
});

export const UpdateLlmConfigBody = StrictObject({ apiKey: ApiKey });

export const LlmConfigListQuery = StrictObject({ ...PageQuery });

export const LlmConfig = Type.Object({
  id: Type.String(),
  providerId: Type.String(),
  apiKeyMask: Type.String({ description: 'The vendor prefix and last four characters at most' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const LlmConfigData = Type.Object({ llmConfig: LlmConfig });
