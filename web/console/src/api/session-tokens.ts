import type { TokenPair } from './types.js';

const refreshTokenKey = 'docent.refreshToken';

/**
 * Where the console keeps its credentials: the short-lived access token in memory only, the
 * refresh token in localStorage so a reload (or a second tab) stays signed in.
 */
let accessToken: string | null = null;
const listeners = new Set<(signedIn: boolean) => void>();

export const sessionTokens = {
  access: () => accessToken,
  refresh: () => localStorage.getItem(refreshTokenKey),
  store(pair: TokenPair): void {
    accessToken = pair.accessToken;
    localStorage.setItem(refreshTokenKey, pair.refreshToken);
    listeners.forEach((listener) => listener(true));
  },
  clear(): void {
    accessToken = null;
    localStorage.removeItem(refreshTokenKey);
    listeners.forEach((listener) => listener(false));
  },
  /** Calls `listener` whenever the console signs in or out; returns the unsubscribe function. */
  subscribe(listener: (signedIn: boolean) => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
