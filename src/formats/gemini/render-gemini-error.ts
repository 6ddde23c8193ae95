import type { GatewayError, GatewayErrorKind } from '../../core/errors/gateway-error.js';

/** Google's canonical status names (google.rpc.Code), one per kind. */
const geminiStatus: Record<GatewayErrorKind, string> = {
  invalid_request: 'INVALID_ARGUMENT',
  authentication: 'UNAUTHENTICATED',
  permission: 'PERMISSION_DENIED',
  not_found: 'NOT_FOUND',
  payload_too_large: 'INVALID_ARGUMENT',
  rate_limited: 'RESOURCE_EXHAUSTED',
  budget_exceeded: 'RESOURCE_EXHAUSTED',
  credential_invalid: 'UNAVAILABLE',
  quota_exhausted: 'RESOURCE_EXHAUSTED',
  account_suspended: 'UNAVAILABLE',
  upstream_rate_limited: 'RESOURCE_EXHAUSTED',
  upstream_unavailable: 'UNAVAILABLE',
  no_account_available: 'UNAVAILABLE',
  timeout: 'DEADLINE_EXCEEDED',
  internal: 'INTERNAL',
};

export interface GeminiErrorBody {
  error: { code: number; message: string; status: string };
}

/** Any gateway error in Google's shape, `{error: {code, message, status}}`. */
export function renderGeminiError(error: GatewayError): GeminiErrorBody {
  return { error: { code: error.status, message: error.message, status: geminiStatus[error.kind] } };
}
