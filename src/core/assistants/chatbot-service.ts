import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import type { ChatbotsTable } from '../../storage/schema.js';
import type { Store } from '../../storage/store.js';
import type { Page, PageRequest } from '../../storage/pagination.js';
import type { ArchiveFilter } from '../../storage/repositories/chatbots-repository.js';
import { NotFoundError } from '../errors.js';
import {
  completeConfiguration,
  toChatbot,
  toConfigurationColumns,
  toPatchColumns,
  type Chatbot,
  type ChatbotInput,
  type ChatbotPatch,
} from './chatbot.js';
import { renderSystemPrompt, type RetrievedContext } from './final-prompt.js';
import { toPersonality } from './personality.js';

export type { ArchiveFilter };

export interface ChatbotListQuery extends PageRequest {
  search?: string | undefined;
  archive?: ArchiveFilter | undefined;
}

/**
 * A user's chatbots. Every method takes the caller's id and reaches rows only through it, so
 * another user's chatbot, or a deleted one, is reported exactly like one that never existed.
 */
export class ChatbotService {
  constructor(private readonly store: Store) {}

  async list(ownerId: string, query: ChatbotListQuery): Promise<Page<Chatbot>> {
    const page = await this.store.chatbots.listOwned(ownerId, { ...query, archive: query.archive ?? 'active' });
    return { items: page.items.map(toChatbot), total: page.total };
  }

  async get(ownerId: string, id: string): Promise<Chatbot> {
    const row = await this.store.chatbots.findOwned(id, ownerId);
    if (!row) throw new NotFoundError('Chatbot');
    return toChatbot(row);
  }

  async create(ownerId: string, input: ChatbotInput): Promise<Chatbot> {
    await this.requireVisibleProvider(ownerId, input.model?.providerId);
    const now = new Date().toISOString();
    const row = await this.store.chatbots.insert({
      id: randomUUID(),
      ownerId,
      ...toConfigurationColumns(completeConfiguration(input)),
      archivedAt: null,
      deletedAt: null,
      createdAt: now,
      updatedAt: now,
    });
    return toChatbot(row);
  }

  async update(ownerId: string, id: string, patch: ChatbotPatch): Promise<Chatbot> {
    await this.requireVisibleProvider(ownerId, patch.model?.providerId);
    return this.write(ownerId, id, { ...toPatchColumns(patch), updatedAt: new Date().toISOString() });
  }

  /** Soft delete: the row stays for audit, but no route, list or lookup sees it again. */
  async delete(ownerId: string, id: string): Promise<void> {
    const now = new Date().toISOString();
    await this.write(ownerId, id, { deletedAt: now, updatedAt: now });
  }

  /** Hides the chatbot from the default listing; archiving an archived chatbot changes nothing. */
  async archive(ownerId: string, id: string): Promise<Chatbot> {
    const chatbot = await this.get(ownerId, id);
    if (chatbot.archivedAt) return chatbot;
    const now = new Date().toISOString();
    return this.write(ownerId, id, { archivedAt: now, updatedAt: now });
  }

  async restore(ownerId: string, id: string): Promise<Chatbot> {
    const chatbot = await this.get(ownerId, id);
    if (!chatbot.archivedAt) return chatbot;
    return this.write(ownerId, id, { archivedAt: null, updatedAt: new Date().toISOString() });
  }

  /**
   * The system prompt the chatbot answers with, rendered with its default personality. Without
   * `context` it is the preview of seed 003's final-prompt route; a conversation passes the
   * passages it retrieved for the turn.
   */
  async finalPrompt(ownerId: string, id: string, context?: RetrievedContext): Promise<string> {
    const chatbot = await this.get(ownerId, id);
    const personality = await this.store.personalities.findDefaultOwned(id, ownerId);
    return renderSystemPrompt({ chatbot, personality: personality && toPersonality(personality), context });
  }

  /**
   * A chatbot may only name a provider its owner can use (a global one or the owner's own):
   * another user's private provider answers exactly like one that does not exist.
   */
  private async requireVisibleProvider(ownerId: string, providerId: string | null | undefined): Promise<void> {
    if (!providerId) return;
    if (!(await this.store.llmProviders.findVisible(providerId, ownerId))) throw new NotFoundError('LLM provider');
  }

  private async write(ownerId: string, id: string, columns: Updateable<ChatbotsTable>): Promise<Chatbot> {
    const row = await this.store.chatbots.updateOwned(id, ownerId, columns);
    if (!row) throw new NotFoundError('Chatbot');
    return toChatbot(row);
  }
}
