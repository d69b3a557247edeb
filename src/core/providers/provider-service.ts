import { randomUUID } from 'node:crypto';
import { listModels, type ModelInfo } from '../../llm/list-models.js';
import { createGuardedFetch } from '../../net/guarded-fetch.js';
import type { Page, PageRequest } from '../../storage/pagination.js';
import type { LlmProviderRow } from '../../storage/repositories/llm-providers-repository.js';
import type { Store } from '../../storage/store.js';
import { isAdmin, type Principal } from '../accounts/principal.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { normalizeApiEndpoint } from './api-endpoint.js';
import { toLlmProvider, type LlmProvider, type LlmProviderInput, type LlmProviderPatch } from './llm-provider.js';
import type { ProviderCredentials } from './provider-credentials.js';
import { toProviderError } from './provider-errors.js';

export interface ProviderServiceOptions {
  /** Private or loopback hosts (`host` or `host:port`) the operator lets providers live on. */
  allowedPrivateHosts: readonly string[];
}

/**
 * LLM providers. Everyone sees the global ones and their own private ones; another user's
 * private provider is reported exactly like one that does not exist, admins included. A user
 * manages their private providers; global ones are created and changed by admins only.
 */
export class ProviderService {
  private readonly guardedFetch: typeof fetch;

  constructor(
    private readonly store: Store,
    private readonly credentials: ProviderCredentials,
    options: ProviderServiceOptions,
  ) {
    this.guardedFetch = createGuardedFetch({ allowedPrivateHosts: options.allowedPrivateHosts });
  }

  async list(principal: Principal, request: PageRequest): Promise<Page<LlmProvider>> {
    const page = await this.store.llmProviders.listVisible(principal.user.id, request);
    return { items: page.items.map(toLlmProvider), total: page.total };
  }

  async get(principal: Principal, id: string): Promise<LlmProvider> {
    return toLlmProvider(await this.visible(principal, id));
  }

  async create(principal: Principal, input: LlmProviderInput): Promise<LlmProvider> {
    const global = input.scope === 'global';
    if (global && !isAdmin(principal)) throw new ForbiddenError('Only an admin can create a global LLM provider');
    const now = new Date().toISOString();
    const row = await this.store.llmProviders.insert({
      id: randomUUID(),
      ownerId: global ? null : principal.user.id,
      name: input.name.trim(),
      type: input.type,
      apiEndpoint: normalizeApiEndpoint(input.type, input.apiEndpoint ?? null),
      createdAt: now,
      updatedAt: now,
    });
    return toLlmProvider(row);
  }

  /**
   * Changes the name or endpoint. The type stays as created: the keys users saved belong to one
   * vendor, and a new type would send them to another.
   */
  async update(principal: Principal, id: string, patch: LlmProviderPatch): Promise<LlmProvider> {
    const current = await this.writable(principal, id);
    const row = await this.store.llmProviders.update(id, current.ownerId, {
      ...(patch.name !== undefined && { name: patch.name.trim() }),
      ...(patch.apiEndpoint !== undefined && { apiEndpoint: normalizeApiEndpoint(current.type, patch.apiEndpoint) }),
      updatedAt: new Date().toISOString(),
    });
    if (!row) throw new NotFoundError('LLM provider');
    return toLlmProvider(row);
  }

  /** Deletes the provider and every key saved for it. */
  async delete(principal: Principal, id: string): Promise<void> {
    const current = await this.writable(principal, id);
    if (!(await this.store.llmProviders.delete(id, current.ownerId))) throw new NotFoundError('LLM provider');
  }

  /**
   * The models the provider offers, asked with the caller's own key through the guarded client;
   * `undefined` when the upstream has no listing (Azure deployments).
   */
  async listModels(principal: Principal, id: string): Promise<ModelInfo[] | undefined> {
    const description = await this.credentials.describe(principal.user.id, id);
    try {
      return await listModels(description, { fetch: this.guardedFetch });
    } catch (error) {
      throw toProviderError(error);
    }
  }

  private async visible(principal: Principal, id: string): Promise<LlmProviderRow> {
    const row = await this.store.llmProviders.findVisible(id, principal.user.id);
    if (!row) throw new NotFoundError('LLM provider');
    return row;
  }

  /**
   * A provider the caller may change. A global one they can see but not change is a 403, not a
   * 404: its existence is no secret to them.
   */
  private async writable(principal: Principal, id: string): Promise<LlmProviderRow> {
    const row = await this.visible(principal, id);
    if (row.ownerId === null && !isAdmin(principal)) {
      throw new ForbiddenError('Only an admin can change a global LLM provider');
    }
    return row;
  }
}
