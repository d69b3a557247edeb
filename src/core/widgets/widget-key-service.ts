import { randomUUID } from 'node:crypto';
import type { Store } from '../../storage/store.js';
import { generateSecret } from '../accounts/secrets.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { normalizeOrigins } from './origins.js';
import { toWidgetKey, widgetKeyPrefix, type WidgetKey } from './widget-key.js';

/** Live keys per chatbot: enough for staging, production and a few partner sites. */
export const maxWidgetKeysPerChatbot = 20;

/**
 * An owner's publishable widget keys. Every method reaches keys only through the owner's live
 * chatbots, so another user's chatbot or key answers exactly like one that does not exist.
 */
export class WidgetKeyService {
  constructor(private readonly store: Store) {}

  async create(ownerId: string, chatbotId: string, input: { allowedOrigins: string[] }): Promise<WidgetKey> {
    const allowedOrigins = normalizeOrigins(input.allowedOrigins);
    const keys = await this.list(ownerId, chatbotId);
    if (keys.filter((key) => !key.revokedAt).length >= maxWidgetKeysPerChatbot) {
      throw new ConflictError(`A chatbot can have at most ${maxWidgetKeysPerChatbot} live widget keys; revoke one first`);
    }
    const row = await this.store.widgetKeys.insert({
      id: randomUUID(),
      chatbotId,
      key: generateSecret(widgetKeyPrefix),
      allowedOrigins: JSON.stringify(allowedOrigins),
      createdAt: new Date().toISOString(),
      rotatedAt: null,
      revokedAt: null,
    });
    return toWidgetKey(row);
  }

  async list(ownerId: string, chatbotId: string): Promise<WidgetKey[]> {
    if (!(await this.store.chatbots.findOwned(chatbotId, ownerId))) throw new NotFoundError('Chatbot');
    return (await this.store.widgetKeys.listOwned(chatbotId, ownerId)).map(toWidgetKey);
  }

  /** Replaces the key's value; the old value stops working at once. Its visitors keep their conversations. */
  async rotate(ownerId: string, id: string): Promise<WidgetKey> {
    const existing = await this.findOwned(ownerId, id);
    if (existing.revokedAt) throw new ConflictError('A revoked widget key cannot be rotated; create a new one');
    const row = await this.store.widgetKeys.updateOwned(id, ownerId, {
      key: generateSecret(widgetKeyPrefix),
      rotatedAt: new Date().toISOString(),
    });
    if (!row) throw new NotFoundError('Widget key');
    return toWidgetKey(row);
  }

  /** Stops the key working for good. Revoking a revoked key changes nothing. */
  async revoke(ownerId: string, id: string): Promise<void> {
    const existing = await this.findOwned(ownerId, id);
    if (existing.revokedAt) return;
    await this.store.widgetKeys.updateOwned(id, ownerId, { revokedAt: new Date().toISOString() });
  }

  private async findOwned(ownerId: string, id: string) {
    const row = await this.store.widgetKeys.findOwned(id, ownerId);
    if (!row) throw new NotFoundError('Widget key');
    return row;
  }
}
