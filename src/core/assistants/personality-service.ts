import { randomUUID } from 'node:crypto';
import type { Repositories, Store } from '../../storage/store.js';
import { ConflictError, NotFoundError } from '../errors.js';
import {
  completePersonality,
  defaultPersonalityTemplate,
  maxPersonalitiesPerChatbot,
  toPersonality,
  toPersonalityColumns,
  toPersonalityPatchColumns,
  type Personality,
  type PersonalityInput,
  type PersonalityPatch,
} from './personality.js';
import { renderPromptModifier } from './prompt-modifier.js';

/**
 * Personalities of a user's chatbots. Whenever a chatbot has personalities, exactly one is its
 * default: the first one created becomes it, setting a new one clears the old in the same
 * transaction, and deleting it hands the role to the oldest remaining one. Every write first
 * touches the chatbot row, which checks ownership, records that the chatbot's configuration
 * changed, and serialises concurrent writers on the same chatbot.
 */
export class PersonalityService {
  constructor(private readonly store: Store) {}

  async list(ownerId: string, chatbotId: string): Promise<Personality[]> {
    if (!(await this.store.chatbots.findOwned(chatbotId, ownerId))) throw new NotFoundError('Chatbot');
    return (await this.store.personalities.listOwned(chatbotId, ownerId)).map(toPersonality);
  }

  async get(ownerId: string, id: string): Promise<Personality> {
    const row = await this.store.personalities.findOwned(id, ownerId);
    if (!row) throw new NotFoundError('Personality');
    return toPersonality(row);
  }

  async create(ownerId: string, chatbotId: string, input: PersonalityInput): Promise<Personality> {
    const configuration = completePersonality(input);
    return this.store.transaction(async (repositories) => {
      const now = await lockChatbot(repositories, ownerId, chatbotId);
      const count = await repositories.personalities.countOwned(chatbotId, ownerId);
      if (count >= maxPersonalitiesPerChatbot) {
        throw new ConflictError(`A chatbot can have at most ${maxPersonalitiesPerChatbot} personalities`);
      }
      const isDefault = configuration.isDefault || count === 0;
      if (isDefault) await repositories.personalities.clearDefaultOwned(chatbotId, ownerId, now);
      const row = await repositories.personalities.insert({
        id: randomUUID(),
        chatbotId,
        ...toPersonalityColumns({ ...configuration, isDefault }),
        createdAt: now,
        updatedAt: now,
      });
      return toPersonality(row);
    });
  }

  /** seed 004's "create default personality": a balanced voice that becomes the default. */
  async createDefault(ownerId: string, chatbotId: string): Promise<Personality> {
    return this.create(ownerId, chatbotId, defaultPersonalityTemplate);
  }

  async update(ownerId: string, id: string, patch: PersonalityPatch): Promise<Personality> {
    return this.store.transaction(async (repositories) => {
      const personality = await findPersonality(repositories, ownerId, id);
      const now = await lockChatbot(repositories, ownerId, personality.chatbotId);
      const columns = { ...toPersonalityPatchColumns(patch), updatedAt: now };
      const row = await repositories.personalities.updateOwned(id, ownerId, columns);
      if (!row) throw new NotFoundError('Personality');
      return toPersonality(row);
    });
  }

  async delete(ownerId: string, id: string): Promise<void> {
    await this.store.transaction(async (repositories) => {
      const personality = await findPersonality(repositories, ownerId, id);
      const now = await lockChatbot(repositories, ownerId, personality.chatbotId);
      const deleted = await repositories.personalities.deleteOwned(id, ownerId);
      if (!deleted) throw new NotFoundError('Personality');
      if (deleted.isDefault !== 1) return;
      const successor = await repositories.personalities.findOldestOwned(deleted.chatbotId, ownerId);
      if (!successor) return;
      await repositories.personalities.updateOwned(successor.id, ownerId, { isDefault: 1, updatedAt: now });
    });
  }

  async setDefault(ownerId: string, id: string): Promise<Personality> {
    return this.store.transaction(async (repositories) => {
      const personality = await findPersonality(repositories, ownerId, id);
      const now = await lockChatbot(repositories, ownerId, personality.chatbotId);
      await repositories.personalities.clearDefaultOwned(personality.chatbotId, ownerId, now);
      const row = await repositories.personalities.updateOwned(id, ownerId, { isDefault: 1, updatedAt: now });
      if (!row) throw new NotFoundError('Personality');
      return toPersonality(row);
    });
  }

  /** The personality's tone, style and traits as instructions for the model. */
  async promptModifier(ownerId: string, id: string): Promise<string> {
    return renderPromptModifier(await this.get(ownerId, id));
  }
}

/**
 * Touches the chatbot's `updatedAt`: this finds only a live chatbot of the owner, and the row lock
 * it takes makes concurrent personality writes on the same chatbot wait their turn. Returns the
 * timestamp used.
 */
async function lockChatbot(repositories: Repositories, ownerId: string, chatbotId: string): Promise<string> {
  const now = new Date().toISOString();
  if (!(await repositories.chatbots.updateOwned(chatbotId, ownerId, { updatedAt: now }))) {
    throw new NotFoundError('Chatbot');
  }
  return now;
}

async function findPersonality(repositories: Repositories, ownerId: string, id: string) {
  const row = await repositories.personalities.findOwned(id, ownerId);
  if (!row) throw new NotFoundError('Personality');
  return row;
}
