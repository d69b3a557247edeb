import type { WidgetKeyRow } from '../../storage/repositories/widget-keys-repository.js';

/** Publishable keys start with this, so they are recognisable in a page's source. */
export const widgetKeyPrefix = 'pk_';

/** What an owner sees of a widget key. The key is public by design: it sits in the host page. */
export interface WidgetKey {
  id: string;
  chatbotId: string;
  key: string;
  allowedOrigins: string[];
  createdAt: string;
  rotatedAt: string | null;
  revokedAt: string | null;
}

export function toWidgetKey(row: WidgetKeyRow): WidgetKey {
  return {
    id: row.id,
    chatbotId: row.chatbotId,
    key: row.key,
    allowedOrigins: JSON.parse(row.allowedOrigins) as string[],
    createdAt: row.createdAt,
    rotatedAt: row.rotatedAt,
    revokedAt: row.revokedAt,
  };
}

/** A cheap shape check before any lookup, so junk never reaches the database. */
export function looksLikeWidgetKey(value: string): boolean {
  return /^pk_[A-Za-z0-9_-]{20,100}$/.test(value);
}
