import { GatewayError } from './gateway-error.js';

/** 5xx, 529 overloaded, connection reset, timeout: transient, pause briefly and fail over. */
export class UpstreamUnavailableError extends GatewayError {
  constructor(message: string, options: { upstreamStatus?: number; upstreamCode?: string; cause?: unknown; timeout?: boolean } = {}) {
    super(options.timeout ? 'timeout' : 'upstream_unavailable', message, {
      status: options.timeout ? 504 : options.upstreamStatus === 503 || options.upstreamStatus === 529 ? 503 : 502,
      retryable: true,
      ...options,
    });
  }
}
