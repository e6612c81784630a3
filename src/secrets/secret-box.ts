import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Marks a sealed value: `enc:v1:` then base64url of IV (12 bytes), GCM tag (16) and ciphertext. */
const prefix = 'enc:v1:';
const ivBytes = 12;
const tagBytes = 16;

/** A sealed value could not be opened: another key (AUTH_SECRET changed), or it was altered. */
export class SecretUnreadableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super('A stored secret cannot be decrypted (was AUTH_SECRET changed?)', options);
    this.name = 'SecretUnreadableError';
  }
}

/**
 * Encrypts small secrets for storage (AES-256-GCM), with a key derived by HKDF-SHA256 from the
 * instance's auth secret and a `purpose`, so each use has its own key. `context` is bound to the
 * ciphertext as associated data (e.g. the row, field and name it belongs to): a sealed value copied
 * elsewhere does not open.
 */
export interface SecretBox {
  seal(plaintext: string, context: string): string;
  /** The plaintext of a sealed value; a value that is not sealed (stored before sealing) as it is. */
  open(stored: string, context: string): string;
  isSealed(stored: string): boolean;
}

/** A box whose key is HKDF(authSecret, salt "switchboard", info `purpose`). */
export function createSecretBox(authSecret: string, purpose: string): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', authSecret, 'switchboard', purpose, 32));
  const isSealed = (stored: string) => stored.startsWith(prefix);
  return {
    isSealed,
    seal(plaintext, context) {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(context));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return prefix + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
    },
    open(stored, context) {
      if (!isSealed(stored)) return stored;
      const bytes = Buffer.from(stored.slice(prefix.length), 'base64url');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, ivBytes))
          .setAAD(Buffer.from(context))
          .setAuthTag(bytes.subarray(ivBytes, ivBytes + tagBytes));
        return Buffer.concat([
          decipher.update(bytes.subarray(ivBytes + tagBytes)),
          decipher.final(),
        ]).toString('utf8');
      } catch (error) {
        throw new SecretUnreadableError({ cause: error });
      }
    },
  };
}
