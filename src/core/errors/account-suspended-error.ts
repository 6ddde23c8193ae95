import { GatewayError } from './gateway-error.js';

/** The upstream suspended the account (TEMPORARILY_SUSPENDED). Disable it with this reason. */
export class AccountSuspendedError extends GatewayError {
  constructor(message: string, options: { upstreamStatus?: number; upstreamCode?: string } = {}) {
    super('account_suspended', message, { status: 502, retryable: true, ...options });
  }
}
