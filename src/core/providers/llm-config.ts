import type { LlmConfigRow } from '../../storage/repositories/llm-configs-repository.js';

/** A user's key for a provider as any API may show it: masked, never the key or its ciphertext. */
export interface LlmConfig {
  id: string;
  providerId: string;
  /** The vendor prefix and last four characters at most (`sk-…wxyz`). */
  apiKeyMask: string;
  createdAt: string;
  updatedAt: string;
}

export function toLlmConfig(row: LlmConfigRow): LlmConfig {
  return {
    id: row.id,
    providerId: row.providerId,
    apiKeyMask: row.apiKeyMask,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
