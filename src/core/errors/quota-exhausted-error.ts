import { GatewayError } from './gateway-error.js';

/** The account's quota or balance is spent (402, MONTHLY_REQUEST_COUNT). Out until `resetAt`. */
export class QuotaExhaustedError extends GatewayError {
  readonly resetAt?: number;
  constructor(message: string, options: { resetAt?: number; upstreamStatus?: number; upstreamCode?: string } = {}) {
    super('quota_exhausted', message, { status: 429, retryable: true, ...options });
    this.resetAt = options.resetAt;
  }
}
