import type { Settings } from '../../settings/settings-schema.js';

/** What the admin API shows in place of a webhook's signing secret. */
export const maskedSecret = '********';

/** Settings as the admin API returns them: webhook signing secrets are never sent back. */
export function maskWebhookSecrets(settings: Settings): Settings {
  return { ...settings, webhooks: settings.webhooks.map((webhook) => (webhook.secret ? { ...webhook, secret: maskedSecret } : webhook)) };
}

/**
 * A PATCH that sends the masked value back means "keep the stored secret" for the webhook with the
 * same URL; any other value replaces it, and leaving `secret` out removes it.
 */
export function restoreWebhookSecrets(patch: unknown, current: Settings): unknown {
  if (typeof patch !== 'object' || patch === null || !('webhooks' in patch) || !Array.isArray(patch.webhooks)) return patch;
  const stored = new Map(current.webhooks.map((webhook) => [webhook.url, webhook.secret]));
  const webhooks = patch.webhooks.map((webhook: unknown) => {
    if (typeof webhook !== 'object' || webhook === null) return webhook;
    const entry = webhook as { url?: unknown; secret?: unknown };
    if (entry.secret !== maskedSecret) return webhook;
    const secret = typeof entry.url === 'string' ? stored.get(entry.url) : undefined;
    const { secret: _masked, ...rest } = entry;
    return secret ? { ...rest, secret } : rest;
  });
  return { ...patch, webhooks };
}
