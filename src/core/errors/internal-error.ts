import { GatewayError } from './gateway-error.js';

export class InternalError extends GatewayError {
  constructor(message = 'Internal error.', cause?: unknown) {
    super('internal', message, { status: 500, cause });
  }
}
