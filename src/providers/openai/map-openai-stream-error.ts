import type { GatewayError } from '../../core/errors/gateway-error.js';
import { classifyUpstreamError } from '../http/classify-upstream-error.js';

function statusFor(type: string | undefined, code: string | number | undefined): number {
  if (typeof code === 'number' && code >= 400 && code < 600) return code;
  const key = `${type ?? ''} ${code ?? ''}`;
  if (/insufficient_quota/.test(key)) return 402;
  if (/rate_limit/.test(key)) return 429;
  if (/invalid_request|context_length|invalid_prompt/.test(key)) return 400;
  if (/authentication|invalid_api_key/.test(key)) return 401;
  return 500;
}

/** An in-stream `{"error": …}` chunk → typed error, classified like an HTTP error response. */
export function mapOpenAIStreamError(error: string | { message?: string | null; type?: string | null; code?: string | number | null }): GatewayError {
  const details = typeof error === 'string' ? { message: error } : error;
  return classifyUpstreamError({
    status: statusFor(details.type ?? undefined, details.code ?? undefined),
    headers: {},
    bodyText: JSON.stringify({ error: { message: details.message ?? 'Upstream stream error.', type: details.type, code: details.code } }),
  });
}
