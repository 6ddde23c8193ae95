import { GatewayError } from './gateway-error.js';

export interface UpstreamUnavailableOptions {
  upstreamStatus?: number;
  upstreamCode?: string;
  cause?: unknown;
  timeout?: boolean;
  /**
   * False when the failure happened on our side of the wire (waiting for a local connection,
   * connecting): the request may go to another account, but this one is not penalised.
   */
  blamesAccount?: boolean;
}

/** 5xx, 529 overloaded, connection reset, timeout: transient, pause briefly and fail over. */
export class UpstreamUnavailableError extends GatewayError {
  readonly blamesAccount: boolean;

  constructor(message: string, options: UpstreamUnavailableOptions = {}) {
    super(options.timeout ? 'timeout' : 'upstream_unavailable', message, {
      status: options.timeout ? 504 : options.upstreamStatus === 503 || options.upstreamStatus === 529 ? 503 : 502,
      retryable: true,
      ...options,
    });
    this.blamesAccount = options.blamesAccount ?? true;
  }
}
