import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** Encrypts small secrets at rest with AES-256-GCM. Envelope: `v1.<iv>.<tag>.<ciphertext>` (base64url). */
export interface SecretBox {
  seal(plaintext: string): string;
  open(envelope: string): string;
}

const version = 'v1';

/** Derives the 32-byte AES key from the operator's SECRET_KEY string with HKDF-SHA-256. */
export function createSecretBox(secretKey: string): SecretBox {
  if (secretKey.length === 0) throw new Error('The secret key must not be empty.');
  const key = Buffer.from(hkdfSync('sha256', secretKey, 'sluice', 'sluice account credentials v1', 32));
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [version, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join('.');
    },
    open(envelope) {
      const [prefix, iv, tag, ciphertext] = envelope.split('.');
      if (prefix !== version || iv === undefined || tag === undefined || ciphertext === undefined) {
        throw new Error('Unrecognised secret envelope.');
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}
