import type { GatewayError, GatewayErrorKind } from '../../core/errors/gateway-error.js';

/** OpenAI's error `type` for each kind, as its SDK and clients expect. */
const openaiErrorType: Record<GatewayErrorKind, string> = {
  invalid_request: 'invalid_request_error',
  authentication: 'authentication_error',
  permission: 'permission_error',
  not_found: 'not_found_error',
  payload_too_large: 'invalid_request_error',
  rate_limited: 'rate_limit_error',
  budget_exceeded: 'insufficient_quota',
  credential_invalid: 'upstream_error',
  quota_exhausted: 'rate_limit_error',
  account_suspended: 'upstream_error',
  upstream_rate_limited: 'rate_limit_error',
  upstream_unavailable: 'upstream_error',
  no_account_available: 'service_unavailable',
  timeout: 'timeout',
  internal: 'server_error',
};

export interface OpenAIErrorBody {
  error: { message: string; type: string; code: string | null; param: string | null };
}

export function renderOpenAIError(error: GatewayError): OpenAIErrorBody {
  const field = 'field' in error && typeof error.field === 'string' ? error.field : null;
  return { error: { message: error.message, type: openaiErrorType[error.kind], code: error.kind, param: field } };
}
