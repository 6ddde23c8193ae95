import { hash, randomBytes } from 'node:crypto';

export const apiKeyPrefix = 'amq-';

export interface ApiKeyMaterial {
  /** The plaintext key, shown to the operator once. */
  key: string;
  hash: string;
  hint: string;
}

/** A new client key: `amq-` + base64url of 48 random bytes (64 characters). */
export function generateApiKey(): ApiKeyMaterial {
  return apiKeyMaterial(apiKeyPrefix + randomBytes(48).toString('base64url'));
}

export function apiKeyMaterial(key: string): ApiKeyMaterial {
  return { key, hash: hashApiKey(key), hint: apiKeyHint(key) };
}

/** SHA-256 hex of the plaintext: keys are random enough that a slow hash adds nothing. */
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** `amq-abcd…wxyz`: enough to recognise a key, useless to use it. */
export function apiKeyHint(key: string): string {
  const body = key.startsWith(apiKeyPrefix) ? key.slice(apiKeyPrefix.length) : key;
  const prefix = key.startsWith(apiKeyPrefix) ? apiKeyPrefix : '';
  if (body.length <= 8) return `${prefix}…`;
  return `${prefix}${body.slice(0, 4)}…${body.slice(-4)}`;
}
