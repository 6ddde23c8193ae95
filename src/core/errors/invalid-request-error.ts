import { GatewayError } from './gateway-error.js';

/** The request is wrong: 400, never the account's fault, never retried elsewhere. */
export class InvalidRequestError extends GatewayError {
  readonly field?: string;
  constructor(message: string, options: { field?: string; upstreamStatus?: number; upstreamCode?: string; cause?: unknown } = {}) {
    super('invalid_request', message, { status: 400, ...options });
    this.field = options.field;
  }
}
