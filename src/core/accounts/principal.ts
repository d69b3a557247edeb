import type { UserRow } from '../../storage/repositories/users-repository.js';

export type ApiKeyScope = 'read' | 'write';
export const apiKeyScopes: readonly ApiKeyScope[] = ['read', 'write'];

/** Who is calling: an account, through a login session or through one of its API keys. */
export type Principal =
  | { kind: 'session'; user: UserRow; sessionId: string }
  | { kind: 'api-key'; user: UserRow; apiKeyId: string; scopes: ApiKeyScope[] };

export function isAdmin(principal: Principal): boolean {
  return principal.user.role === 'admin';
}
