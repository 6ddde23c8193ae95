import { GatewayError } from './gateway-error.js';

/** A Sluice-side limit (per-key RPM/RPD, or every account busy): 429 with retry-after. */
export class RateLimitedError extends GatewayError {
  constructor(message: string, retryAfterMs: number) {
    super('rate_limited', message, { status: 429, retryAfterMs });
  }
}
