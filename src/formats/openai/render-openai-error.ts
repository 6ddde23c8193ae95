import type { GatewayError, GatewayErrorKind } from '../../core/errors/gateway-error.js';

/**
 * OpenAI's error `type` and `code` for each kind, as its API sends them: a rate limit is type
 * `requests` with code `rate_limit_exceeded`, a spent budget `insufficient_quota` (both 429), and
 * failures on the server side `server_error`. Other codes name the kind.
 */
function openAIErrorType(error: GatewayError): { type: string; code: string } {
  const kind: GatewayErrorKind = error.kind;
  switch (kind) {
    case 'invalid_request':
    case 'payload_too_large':
      return { type: 'invalid_request_error', code: kind };
    case 'authentication':
      return { type: 'authentication_error', code: 'invalid_api_key' };
    case 'permission':
      return { type: 'permission_error', code: kind };
    case 'not_found':
      return { type: 'not_found_error', code: kind };
    case 'rate_limited':
    case 'quota_exhausted':
    case 'upstream_rate_limited':
      return { type: 'requests', code: 'rate_limit_exceeded' };
    case 'budget_exceeded':
      return { type: 'insufficient_quota', code: 'insufficient_quota' };
    case 'no_account_available':
      return error.status === 429 ? { type: 'requests', code: 'rate_limit_exceeded' } : { type: 'server_error', code: kind };
    case 'credential_invalid':
    case 'account_suspended':
    case 'upstream_unavailable':
    case 'timeout':
    case 'internal':
      return { type: 'server_error', code: kind };
    default: {
      const unreachable: never = kind;
      return { type: 'server_error', code: String(unreachable) };
    }
  }
}

export interface OpenAIErrorBody {
  error: { message: string; type: string; code: string | null; param: string | null };
}

export function renderOpenAIError(error: GatewayError): OpenAIErrorBody {
  const field = 'field' in error && typeof error.field === 'string' ? error.field : null;
  const { type, code } = openAIErrorType(error);
  return { error: { message: error.message, type, code, param: field } };
}
