import type { SecretBox } from '../crypto/secret-box.js';

/**
 * Webhook signing secrets are stored sealed, as `secret_sealed`, never as `secret`: the `settings`
 * row of `webhooks` then holds no plaintext. In memory (and for signing) they are plain `secret`.
 */
const sealedField = 'secret_sealed';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `webhooks` value as stored: each `secret` replaced by its envelope. */
export function sealWebhookSecrets(webhooks: unknown, secretBox: SecretBox): unknown {
  if (!Array.isArray(webhooks)) return webhooks;
  return webhooks.map((webhook: unknown) => {
    if (!isObject(webhook) || typeof webhook.secret !== 'string') return webhook;
    const { secret, ...rest } = webhook;
    return { ...rest, [sealedField]: secretBox.seal(secret) };
  });
}

/**
 * The stored `webhooks` value with each envelope opened back into `secret`. `plaintext` is true when
 * a row from an older version still holds a plain `secret` (start-up then re-seals it).
 */
export function openWebhookSecrets(stored: unknown, secretBox: SecretBox): { webhooks: unknown; plaintext: boolean } {
  if (!Array.isArray(stored)) return { webhooks: stored, plaintext: false };
  let plaintext = false;
  const webhooks = stored.map((webhook: unknown) => {
    if (!isObject(webhook)) return webhook;
    if (typeof webhook.secret === 'string') plaintext = true;
    const sealed = webhook[sealedField];
    if (typeof sealed !== 'string') return webhook;
    const { [sealedField]: _sealed, ...rest } = webhook;
    return { ...rest, secret: secretBox.open(sealed) };
  });
  return { webhooks, plaintext };
}
