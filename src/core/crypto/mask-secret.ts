/** Vendor prefixes that say which kind of key it is and nothing about the key itself. */
const knownPrefixes = ['sk-', 'gsk_', 'xai-', 'hf_', 'AIza'];

/** Below this many characters (prefix aside), showing the last four would show too much. */
const shortestPartlyShown = 16;

/**
 * A secret as it may be displayed: its vendor prefix and last four characters (`sk-…wxyz`), or a
 * fixed mask for short secrets, which does not reveal their length either.
 */
export function maskSecret(secret: string): string {
  const prefix = knownPrefixes.find((candidate) => secret.startsWith(candidate)) ?? '';
  const rest = secret.slice(prefix.length);
  if (rest.length < shortestPartlyShown) return '••••••••';
  return `${prefix}…${rest.slice(-4)}`;
}
