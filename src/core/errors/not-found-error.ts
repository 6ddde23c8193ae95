import { GatewayError } from './gateway-error.js';

export class NotFoundError extends GatewayError {
  constructor(message: string) {
    super('not_found', message, { status: 404 });
  }
}
