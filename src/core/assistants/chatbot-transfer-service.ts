import { randomUUID } from 'node:crypto';
import type { Store } from '../../storage/store.js';
import { NotFoundError } from '../errors.js';
import {
  defaultModelSettings,
  toChatbot,
  toConfigurationColumns,
  type Chatbot,
  type ChatbotConfiguration,
} from './chatbot.js';
import { buildChatbotExport, type ChatbotExport, type ChatbotImport } from './chatbot-export.js';
import {
  toPersonality,
  toPersonalityColumns,
  withOneDefault,
  type Personality,
  type PersonalityConfiguration,
} from './personality.js';

export interface ChatbotWithPersonalities {
  chatbot: Chatbot;
  personalities: Personality[];
}

const copySuffix = ' (Copy)';
const maxNameLength = 200;

/**
 * Copies of a chatbot's configuration: a duplicate in the same account (seed 003 #46) and a
 * portable export file that any account can import (seed 003 #47). Copies start active (not
 * archived) with fresh ids and timestamps; the chatbot and its personalities land together or
 * not at all.
 */
export class ChatbotTransferService {
  constructor(private readonly store: Store) {}

  /** An exact copy named "<name> (Copy)", personalities included; it keeps the model provider. */
  async duplicate(ownerId: string, id: string): Promise<ChatbotWithPersonalities> {
    const { chatbot, personalities } = await this.read(ownerId, id);
    const name = `${chatbot.name.slice(0, maxNameLength - copySuffix.length)}${copySuffix}`;
    return this.createWithPersonalities(ownerId, { ...chatbot, name }, personalities);
  }

  async export(ownerId: string, id: string): Promise<ChatbotExport> {
    const { chatbot, personalities } = await this.read(ownerId, id);
    return buildChatbotExport(chatbot, personalities, new Date().toISOString());
  }

  /**
   * Creates a new chatbot for the caller from an export. The file names no provider, so the
   * chatbot starts on the built-in offline responder until its owner picks one of their own.
   */
  async import(ownerId: string, document: ChatbotImport): Promise<ChatbotWithPersonalities> {
    const configuration: ChatbotConfiguration = {
      ...document.chatbot,
      name: document.chatbot.name.trim(),
      model: { ...defaultModelSettings, ...document.chatbot.model, providerId: null },
    };
    return this.createWithPersonalities(ownerId, configuration, document.personalities);
  }

  private async read(ownerId: string, id: string): Promise<ChatbotWithPersonalities> {
    const row = await this.store.chatbots.findOwned(id, ownerId);
    if (!row) throw new NotFoundError('Chatbot');
    const personalities = await this.store.personalities.listOwned(id, ownerId);
    return { chatbot: toChatbot(row), personalities: personalities.map(toPersonality) };
  }

  private async createWithPersonalities(
    ownerId: string,
    configuration: ChatbotConfiguration,
    personalities: PersonalityConfiguration[],
  ): Promise<ChatbotWithPersonalities> {
    const voices = withOneDefault(personalities);
    const now = new Date().toISOString();
    return this.store.transaction(async (repositories) => {
      const chatbot = await repositories.chatbots.insert({
        id: randomUUID(),
        ownerId,
        ...toConfigurationColumns(configuration),
        archivedAt: null,
        deletedAt: null,
        createdAt: now,
        updatedAt: now,
      });
      const created: Personality[] = [];
      for (const personality of voices) {
        const row = await repositories.personalities.insert({
          id: randomUUID(),
          chatbotId: chatbot.id,
          ...toPersonalityColumns(personality),
          createdAt: now,
          updatedAt: now,
        });
        created.push(toPersonality(row));
      }
      return { chatbot: toChatbot(chatbot), personalities: created };
    });
  }
}
