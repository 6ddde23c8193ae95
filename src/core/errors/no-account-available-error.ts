import { GatewayError } from './gateway-error.js';

/** No enabled, healthy account serves the model (503), or all are at their limits (429 + retry-after). */
export class NoAccountAvailableError extends GatewayError {
  constructor(message: string, retryAfterMs?: number) {
    super('no_account_available', message, { status: retryAfterMs === undefined ? 503 : 429, retryAfterMs });
  }
}
