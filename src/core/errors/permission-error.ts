import { GatewayError } from './gateway-error.js';

/** The client's key is valid but may not do this (non-admin on /admin, model not allowed). */
export class PermissionError extends GatewayError {
  constructor(message: string) {
    super('permission', message, { status: 403 });
  }
}
