import type { ProviderType } from '../../llm/provider-description.js';
import type { LlmProviderRow } from '../../storage/repositories/llm-providers-repository.js';

/** The upstreams a provider record can name; the offline responder needs no record. */
export type RemoteProviderType = Exclude<ProviderType, 'offline'>;

export const remoteProviderTypes: readonly RemoteProviderType[] = [
  'openai',
  'anthropic',
  'google',
  'azure',
  'openai-compatible',
];

/** Global providers are defined by an admin for everyone; private ones by a user for themself. */
export type ProviderScope = 'global' | 'private';

/** What any API may show of a provider: its owner's id stays inside. */
export interface LlmProvider {
  id: string;
  name: string;
  type: RemoteProviderType;
  /** Base URL; null means the vendor's default endpoint. */
  apiEndpoint: string | null;
  scope: ProviderScope;
  createdAt: string;
  updatedAt: string;
}

export interface LlmProviderInput {
  name: string;
  type: RemoteProviderType;
  apiEndpoint?: string | undefined;
  scope?: ProviderScope | undefined;
}

/** A provider's type is fixed (see {@link ProviderService.update}); name and endpoint can change. */
export interface LlmProviderPatch {
  name?: string | undefined;
  /** null goes back to the vendor's default endpoint. */
  apiEndpoint?: string | null | undefined;
}

export function toLlmProvider(row: LlmProviderRow): LlmProvider {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    apiEndpoint: row.apiEndpoint,
    scope: row.ownerId === null ? 'global' : 'private',
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
