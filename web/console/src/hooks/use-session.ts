import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import { sessionTokens } from '../api/session-tokens.js';
import { refreshSession } from '../api/transport.js';
import type { User } from '../api/types.js';

export type Session =
  | { state: 'checking' }
  | { state: 'signed-out' }
  | { state: 'signed-in'; user: User };

/**
 * Who is signed in. On load a stored refresh token is exchanged for a fresh access token; when
 * the session ends anywhere (sign-out, a refused refresh) the console returns to sign-in.
 */
export function useSession(): [Session, (user: User) => void] {
  const [session, setSession] = useState<Session>({ state: 'checking' });

  useEffect(() => {
    const unsubscribe = sessionTokens.subscribe((signedIn) => {
      if (!signedIn) setSession({ state: 'signed-out' });
    });
    refreshSession()
      .then((renewed) => (renewed ? api.auth.me() : null))
      .then(
        (user) => setSession(user ? { state: 'signed-in', user } : { state: 'signed-out' }),
        () => setSession({ state: 'signed-out' }),
      );
    return unsubscribe;
  }, []);

  return [session, (user) => setSession({ state: 'signed-in', user })];
}
