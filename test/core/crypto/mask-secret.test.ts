import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../../src/core/crypto/mask-secret.js';

describe('maskSecret', () => {
  it.each([
    ['sk-proj-abcdefghijklmnopqrstuvwxyz', 'sk-…wxyz'],
    ['sk-ant-api03-abcdefghijklmnopqrstuvwxyz', 'sk-…wxyz'],
    ['gsk_abcdefghijklmnopqrstuvwxyz', 'gsk_…wxyz'],
    ['AIzaSyabcdefghijklmnopqrstuvwxyz', 'AIza…wxyz'],
    ['abcdefghijklmnopqrstuvwxyz', '…wxyz'],
  ])('shows %s as %s', (secret, masked) => {
    expect(maskSecret(secret)).toBe(masked);
  });

  it.each(['', 'abc', 'sk-short', 'sk-abcdefghijklmn', '0123456789abcde'])('masks the short secret %j entirely', (secret) => {
    expect(maskSecret(secret)).toBe('••••••••');
  });

  it('never shows more than the last four characters of what follows a vendor prefix', () => {
    const secret = 'sk-' + 'q'.repeat(40) + 'Z9y8';
    const shown = maskSecret(secret).replace('sk-', '').replace('…', '');
    expect(shown).toBe('Z9y8');
  });
});
