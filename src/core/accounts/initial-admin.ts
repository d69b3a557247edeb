import { randomBytes } from 'node:crypto';
import type { Store } from '../../storage/store.js';
import type { AccountService } from './account-service.js';

export interface InitialAdminResult {
  created: boolean;
  username?: string;
  /** Set only when the password was generated here and must be shown to the operator once. */
  generatedPassword?: string;
}

/**
 * Makes sure the platform has an admin: from ADMIN_EMAIL/ADMIN_PASSWORD when given, otherwise with
 * a generated password that the caller prints once.
 */
export async function ensureInitialAdmin(
  store: Store,
  accounts: AccountService,
  configured: { email: string; password: string; username: string } | undefined,
): Promise<InitialAdminResult> {
  if ((await store.users.countActiveAdmins()) > 0) return { created: false };
  if (configured) {
    await accounts.register(configured, 'admin');
    return { created: true, username: configured.username };
  }
  const password = randomBytes(18).toString('base64url');
  await accounts.register({ username: 'admin', email: 'admin@localhost', password }, 'admin');
  return { created: true, username: 'admin', generatedPassword: password };
}
