import { GatewayError } from './gateway-error.js';

/** The upstream rejected the account's credential (401/403, invalid_grant). Fail over; the pool disables. */
export class CredentialInvalidError extends GatewayError {
  /** True when a fresh token might fix it (expired bearer token), false when the credential is dead. */
  readonly refreshable: boolean;
  constructor(message: string, options: { refreshable?: boolean; upstreamStatus?: number; upstreamCode?: string; cause?: unknown } = {}) {
    super('credential_invalid', message, { status: 502, retryable: true, ...options });
    this.refreshable = options.refreshable ?? false;
  }
}
