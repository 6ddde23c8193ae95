import { GatewayError } from './gateway-error.js';

/** The upstream said 429 for this account. Cool it down for `retryAfterMs` and fail over. */
export class UpstreamRateLimitedError extends GatewayError {
  constructor(message: string, options: { retryAfterMs?: number; upstreamStatus?: number; upstreamCode?: string } = {}) {
    super('upstream_rate_limited', message, { status: 429, retryable: true, ...options });
  }
}
