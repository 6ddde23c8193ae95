import { GatewayError } from './gateway-error.js';

/**
 * This account may not use this model (a free tier refused Opus, a model its plan lacks). Not the
 * account's failure: another account may serve the request, and the pool stops offering this model
 * to this account for a while. When no account has the model, the client gets a 400.
 */
export class ModelUnavailableError extends GatewayError {
  /** The upstream model that was refused. */
  readonly model: string;
  constructor(message: string, options: { model: string; upstreamStatus?: number; upstreamCode?: string; cause?: unknown }) {
    super('invalid_request', message, { status: 400, retryable: true, ...options });
    this.model = options.model;
  }
}
