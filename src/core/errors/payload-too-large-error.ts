import { GatewayError } from './gateway-error.js';

export class PayloadTooLargeError extends GatewayError {
  constructor(limitBytes: number) {
    super('payload_too_large', `Request body is larger than the limit of ${limitBytes} bytes.`, { status: 413 });
  }
}
