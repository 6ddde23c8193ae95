import type { GatewayError, GatewayErrorKind } from '../../core/errors/gateway-error.js';

/** Anthropic's documented error types (docs: errors), one per kind. */
const anthropicErrorType: Record<GatewayErrorKind, string> = {
  invalid_request: 'invalid_request_error',
  authentication: 'authentication_error',
  permission: 'permission_error',
  not_found: 'not_found_error',
  payload_too_large: 'request_too_large',
  rate_limited: 'rate_limit_error',
  budget_exceeded: 'rate_limit_error',
  credential_invalid: 'api_error',
  quota_exhausted: 'rate_limit_error',
  account_suspended: 'api_error',
  upstream_rate_limited: 'rate_limit_error',
  upstream_unavailable: 'overloaded_error',
  no_account_available: 'overloaded_error',
  timeout: 'timeout_error',
  internal: 'api_error',
};

export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
}

export function renderAnthropicError(error: GatewayError): AnthropicErrorBody {
  return { type: 'error', error: { type: anthropicErrorType[error.kind], message: error.message } };
}
