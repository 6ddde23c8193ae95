export type GatewayErrorKind =
  | 'invalid_request'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'payload_too_large'
  | 'rate_limited'
  | 'budget_exceeded'
  | 'credential_invalid'
  | 'quota_exhausted'
  | 'account_suspended'
  | 'upstream_rate_limited'
  | 'upstream_unavailable'
  | 'no_account_available'
  | 'timeout'
  | 'internal';

export interface GatewayErrorOptions {
  status: number;
  /** For 429s: how long the caller should wait. */
  retryAfterMs?: number;
  /** May the same request succeed on another account? Decides failover. */
  retryable?: boolean;
  /** The upstream status and a bounded excerpt of its body, for logs (never the credential). */
  upstreamStatus?: number;
  upstreamCode?: string;
  cause?: unknown;
}

/** Base of every error Sluice renders. Each kind has its own small class in this folder. */
export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  readonly status: number;
  readonly retryAfterMs?: number;
  readonly isRetryable: boolean;
  readonly upstreamStatus?: number;
  readonly upstreamCode?: string;

  constructor(kind: GatewayErrorKind, message: string, options: GatewayErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.isRetryable = options.retryable ?? false;
    this.upstreamStatus = options.upstreamStatus;
    this.upstreamCode = options.upstreamCode;
  }
}

export const isGatewayError = (value: unknown): value is GatewayError => value instanceof GatewayError;
