import type { Store } from '../../storage/store.js';
import type { WidgetKeyLookup } from '../../storage/repositories/widget-keys-repository.js';
import { isOriginAllowed } from './origins.js';
import { looksLikeWidgetKey } from './widget-key.js';
import { refusals } from './widget-refusal.js';

/** A widget request admitted: the key, and the one chatbot (and its owner) it may reach. */
export interface WidgetAccess {
  keyId: string;
  chatbotId: string;
  ownerId: string;
}

/** Where a request comes from, as far as the HTTP layer can tell. */
export interface RequestOrigin {
  /** The `Origin` header, if any. */
  origin: string | undefined;
  /** This server's own origin: pages it serves itself (the hosted chat page) may use any key. */
  ownOrigin: string;
  /** The browser says the request comes from this server's own pages (`Sec-Fetch-Site: same-origin`). */
  sameOriginFetch: boolean;
}

/**
 * The one gate of the widget API, in three steps the HTTP layer runs in order so it can answer
 * CORS in between: which key is this, may this page's origin use it, and is the key (and its
 * chatbot) live. A publishable key is public, so the origin check is what keeps other websites
 * from embedding it; the key reaches its own chatbot and nothing else.
 */
export class WidgetGateway {
  constructor(private readonly store: Store) {}

  async identify(key: string | undefined): Promise<WidgetKeyLookup> {
    if (!key) throw refusals.keyMissing();
    const found = looksLikeWidgetKey(key) ? await this.store.widgetKeys.findByKey(key) : undefined;
    if (!found) throw refusals.keyInvalid();
    return found;
  }

  /** The origin to grant CORS to (null when the request is same-origin), or a refusal. */
  checkOrigin(key: WidgetKeyLookup, request: RequestOrigin): string | null {
    if (!request.origin) {
      if (request.sameOriginFetch) return null;
      throw refusals.originMissing();
    }
    if (request.origin === request.ownOrigin) return request.origin;
    if (!isOriginAllowed(request.origin, JSON.parse(key.allowedOrigins) as string[])) {
      throw refusals.originNotAllowed(request.origin);
    }
    return request.origin;
  }

  admit(key: WidgetKeyLookup): WidgetAccess {
    if (key.revokedAt) throw refusals.keyRevoked();
    if (key.chatbotDeletedAt || key.chatbotArchivedAt || key.ownerStatus !== 'active') throw refusals.assistantUnavailable();
    return { keyId: key.id, chatbotId: key.chatbotId, ownerId: key.ownerId };
  }
}
