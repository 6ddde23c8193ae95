import type { GatewayError } from '../../core/errors/gateway-error.js';
import { classifyUpstreamError } from '../http/classify-upstream-error.js';

/** The HTTP status Anthropic uses for each error type, so in-stream errors classify like responses. */
function statusForErrorType(type: string | undefined): number {
  switch (type) {
    case 'invalid_request_error':
      return 400;
    case 'authentication_error':
      return 401;
    case 'billing_error':
      return 402;
    case 'permission_error':
      return 403;
    case 'not_found_error':
      return 404;
    case 'request_too_large':
      return 413;
    case 'rate_limit_error':
      return 429;
    case 'timeout_error':
      return 504;
    case 'overloaded_error':
      return 529;
    default:
      return 500;
  }
}

/** An Anthropic `error` SSE event (e.g. overloaded mid-stream) → typed error. */
export function mapAnthropicErrorType(type: string | undefined, message: string | undefined): GatewayError {
  return classifyUpstreamError({
    status: statusForErrorType(type),
    headers: {},
    bodyText: JSON.stringify({ type: 'error', error: { type: type ?? 'api_error', message: message ?? 'Upstream stream error.' } }),
  });
}
