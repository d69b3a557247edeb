import { describe, expect, it } from 'vitest';
import { SecretBox, SecretDecryptionError } from '../../../src/core/crypto/secret-box.js';

const secretKey = 'a-secret-key-of-at-least-thirty-two-characters';
const box = new SecretBox(secretKey);

/** Rewrites the decoded bytes of one part of a sealed secret (1 = IV, 2 = tag, 3 = ciphertext). */
function rewritePart(sealed: string, index: number, rewrite: (bytes: Buffer) => Buffer): string {
  const parts = sealed.split('.');
  parts[index] = rewrite(Buffer.from(parts[index]!, 'base64url')).toString('base64url');
  return parts.join('.');
}

const flipFirstBit = (bytes: Buffer) => {
  bytes[0]! ^= 0x01;
  return bytes;
};

describe('SecretBox', () => {
  it.each(['sk-proj-abcdefghijklmnopqrstuvwxyz0123456789', '', 'ключ 🔑 with unicode'])('round-trips %j', (secret) => {
    expect(box.decrypt(box.encrypt(secret))).toBe(secret);
  });

  it('writes the versioned v1.<iv>.<tag>.<ciphertext> format without the plaintext in it', () => {
    const sealed = box.encrypt('sk-live-1234567890');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('1234567890');
  });

  it('produces a different ciphertext every time', () => {
    const sealed = new Set(Array.from({ length: 20 }, () => box.encrypt('same secret')));
    expect(sealed.size).toBe(20);
  });

  it.each([
    ['IV', 1],
    ['tag', 2],
    ['ciphertext', 3],
  ])('detects a tampered %s', (_part, index) => {
    const sealed = box.encrypt('sk-proj-abcdefghijklmnopqrstuvwxyz');
    const tampered = rewritePart(sealed, index, flipFirstBit);
    expect(() => box.decrypt(tampered)).toThrow(SecretDecryptionError);
    expect(() => box.decrypt(tampered)).toThrow(/altered or sealed under another SECRET_KEY/);
  });

  it('refuses a secret sealed under another SECRET_KEY', () => {
    const sealed = new SecretBox('another-secret-key-of-at-least-thirty-two-chars').encrypt('sk-proj-abc');
    expect(() => box.decrypt(sealed)).toThrow(SecretDecryptionError);
  });

  it('opens what another instance sealed under the same SECRET_KEY, as after a restart', () => {
    expect(new SecretBox(secretKey).decrypt(box.encrypt('sk-proj-abc'))).toBe('sk-proj-abc');
  });

  it.each([
    ['plaintext', 'sk-proj-abc'],
    ['an unknown version', box.encrypt('x').replace(/^v1\./, 'v2.')],
    ['a missing part', box.encrypt('x').split('.').slice(0, 3).join('.')],
    ['an extra part', `${box.encrypt('x')}.AAAA`],
    ['a truncated tag', rewritePart(box.encrypt('x'), 2, (tag) => tag.subarray(0, 12))],
    ['characters outside base64url', box.encrypt('x').replace(/\.([^.]+)$/, '.+/=')],
  ])('refuses %s as malformed', (_case, sealed) => {
    expect(() => box.decrypt(sealed)).toThrow(new SecretDecryptionError('Stored secret is not in the v1 format'));
  });
});
