import type { GatewayError, GatewayErrorKind } from '../../core/errors/gateway-error.js';

/**
 * Anthropic's documented error type for each kind (docs: errors): 429 → rate_limit_error, 5xx →
 * api_error, and overloaded_error only for an upstream that said it is overloaded (529).
 */
function anthropicErrorType(error: GatewayError): string {
  const kind: GatewayErrorKind = error.kind;
  switch (kind) {
    case 'invalid_request':
      return 'invalid_request_error';
    case 'authentication':
      return 'authentication_error';
    case 'permission':
      return 'permission_error';
    case 'not_found':
      return 'not_found_error';
    case 'payload_too_large':
      return 'request_too_large';
    case 'rate_limited':
    case 'budget_exceeded':
    case 'quota_exhausted':
    case 'upstream_rate_limited':
      return 'rate_limit_error';
    case 'no_account_available':
      return error.status === 429 ? 'rate_limit_error' : 'api_error';
    case 'upstream_unavailable':
      return error.upstreamStatus === 529 || error.upstreamCode === 'overloaded_error' ? 'overloaded_error' : 'api_error';
    case 'timeout':
      return 'timeout_error';
    case 'credential_invalid':
    case 'account_suspended':
    case 'internal':
      return 'api_error';
    default: {
      const unreachable: never = kind;
      return String(unreachable);
    }
  }
}

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
}

export function renderAnthropicError(error: GatewayError): AnthropicErrorBody {
  return { type: 'error', error: { type: anthropicErrorType(error), message: error.message } };
}
