import { isGatewayError, type GatewayError } from '../core/errors/gateway-error.js';
import { InternalError } from '../core/errors/internal-error.js';

/** Anything thrown by a stream source becomes a typed error; unknown errors never leak their message. */
export function toGatewayError(error: unknown): GatewayError {
  if (isGatewayError(error)) return error;
  return new InternalError('The upstream stream failed unexpectedly.', error);
}
