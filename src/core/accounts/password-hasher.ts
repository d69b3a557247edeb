import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum parameters (m=19 MiB, t=2, p=1): ~7 ms a hash on this hardware.
const options = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** A hash of a password nobody has, verified against when a login names an unknown account. */
let decoyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Spends the same time as a real verification, so a login for an unknown account cannot be told
 * apart from a wrong password by its latency.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hash('docent-decoy-password', options);
  await verifyPassword(await decoyHash, password);
  return false;
}
