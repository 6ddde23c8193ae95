import { createHmac } from 'node:crypto';

/** The `x-sluice-signature` value: `sha256=` and the hex HMAC-SHA256 of the exact body with the secret. */
export const signWebhookBody = (secret: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
