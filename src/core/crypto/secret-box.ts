import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const version = 'v1';
const algorithm = 'aes-256-gcm';
const keyBytes = 32;
const ivBytes = 12;
const tagBytes = 16;
/** HKDF `info`: the purpose label that makes this key unrelated to anything else SECRET_KEY signs. */
const purpose = 'docent/secret-box/v1';
const base64url = /^[A-Za-z0-9_-]*$/;

/** A sealed secret that cannot be opened: malformed, altered, or sealed under another SECRET_KEY. */
export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * Encryption at rest for user secrets such as LLM provider API keys: AES-256-GCM under a key
 * derived from SECRET_KEY with HKDF-SHA256, a random 12-byte IV per secret, and the self-describing
 * format `v1.<iv>.<tag>.<ciphertext>` (base64url) so a later version can rotate keys or algorithms
 * while old rows stay readable. The version is authenticated along with the ciphertext.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secretKey: string) {
    this.key = Buffer.from(hkdfSync('sha256', secretKey, '', purpose, keyBytes));
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv(algorithm, this.key, iv, { authTagLength: tagBytes });
    cipher.setAAD(Buffer.from(version));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [version, ...[iv, cipher.getAuthTag(), ciphertext].map((part) => part.toString('base64url'))].join('.');
  }

  /** Throws SecretDecryptionError unless `sealed` came from `encrypt` under the same SECRET_KEY, unaltered. */
  decrypt(sealed: string): string {
    const [iv, tag, ciphertext] = parse(sealed);
    const decipher = createDecipheriv(algorithm, this.key, iv, { authTagLength: tagBytes });
    decipher.setAAD(Buffer.from(version));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretDecryptionError(
        'Stored secret failed authentication: it was altered or sealed under another SECRET_KEY',
      );
    }
  }
}

function parse(sealed: string): [iv: Buffer, tag: Buffer, ciphertext: Buffer] {
  const [sealedVersion, ...encoded] = sealed.split('.');
  if (sealedVersion !== version || encoded.length !== 3 || !encoded.every((part) => base64url.test(part))) {
    throw new SecretDecryptionError(`Stored secret is not in the ${version} format`);
  }
  const [iv, tag, ciphertext] = encoded.map((part) => Buffer.from(part, 'base64url')) as [Buffer, Buffer, Buffer];
  if (iv.length !== ivBytes || tag.length !== tagBytes) {
    throw new SecretDecryptionError(`Stored secret is not in the ${version} format`);
  }
  return [iv, tag, ciphertext];
}
