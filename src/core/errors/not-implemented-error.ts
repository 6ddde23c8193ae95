import { GatewayError } from './gateway-error.js';

/** A feature whose provider is not wired into this build (501). */
export class NotImplementedError extends GatewayError {
  constructor(message: string) {
    super('internal', message, { status: 501 });
  }
}
