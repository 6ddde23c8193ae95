import { GatewayError } from './gateway-error.js';

/** The client's own key is missing, unknown, expired or revoked. */
export class AuthenticationError extends GatewayError {
  constructor(message = 'Invalid API key.') {
    super('authentication', message, { status: 401 });
  }
}
