import { z } from 'zod';
import { nextDayStartIn } from '../../core/day-boundary.js';
import { CredentialInvalidError } from '../../core/errors/credential-invalid-error.js';
import type { GatewayError } from '../../core/errors/gateway-error.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { QuotaExhaustedError } from '../../core/errors/quota-exhausted-error.js';
import { UpstreamRateLimitedError } from '../../core/errors/upstream-rate-limited-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { classifyUpstreamError, type UpstreamFailure } from '../http/classify-upstream-error.js';
import { redactSecrets } from '../http/redact-secrets.js';

const detailSchema = z
  .object({
    '@type': z.string().optional(),
    reason: z.string().optional(),
    retryDelay: z.string().optional(),
    violations: z.array(z.object({ quotaId: z.string().optional() }).loose()).optional(),
  })
  .loose();

const googleErrorSchema = z.object({
  error: z
    .object({
      code: z.number().optional(),
      message: z.string().optional(),
      status: z.string().optional(),
      details: z.array(detailSchema).optional(),
    })
    .loose(),
});

type GoogleError = z.output<typeof googleErrorSchema>['error'];

const parseGoogleError = (bodyText: string): GoogleError | undefined => {
  try {
    const json: unknown = JSON.parse(bodyText);
    const parsed = googleErrorSchema.safeParse(Array.isArray(json) ? json[0] : json);
    return parsed.success ? parsed.data.error : undefined;
  } catch {
    return undefined;
  }
};

/** `"37s"` or `"1.5s"` (google.rpc.RetryInfo) → milliseconds. */
const retryDelayMs = (details: GoogleError['details']): number | undefined => {
  const delay = details?.find((detail) => detail.retryDelay)?.retryDelay;
  const match = delay ? /^(\d+(?:\.\d+)?)s$/.exec(delay) : null;
  return match ? Math.ceil(Number(match[1]) * 1000) : undefined;
};

/**
 * Gemini's errors carry a google.rpc status and details the generic table cannot read: an invalid
 * key is a 400 with reason API_KEY_INVALID, and a 429 says in its quota ids whether a minute's or a
 * day's quota ran out, with the delay to wait. Anything else goes to the generic table.
 */
export function classifyGeminiError(failure: UpstreamFailure): GatewayError {
  const error = parseGoogleError(failure.bodyText);
  if (!error) return classifyUpstreamError(failure);
  const message = redactSecrets(error.message ?? `Upstream returned HTTP ${failure.status}.`, failure.secrets);
  const options = { upstreamStatus: failure.status, upstreamCode: error.status };
  const reasons = (error.details ?? []).map((detail) => detail.reason ?? '');
  if (reasons.includes('API_KEY_INVALID') || /api key (not valid|expired|invalid)/i.test(message)) {
    return new CredentialInvalidError(message, options);
  }
  if (failure.status === 429 || error.status === 'RESOURCE_EXHAUSTED') {
    const quotaIds = (error.details ?? []).flatMap((detail) => detail.violations ?? []).map((violation) => violation.quotaId ?? '');
    // Daily quotas of the Gemini API reset at midnight Pacific time.
    if (quotaIds.some((id) => /PerDay/i.test(id))) return new QuotaExhaustedError(message, { ...options, resetAt: nextDayStartIn('America/Los_Angeles', Date.now()) });
    return new UpstreamRateLimitedError(message, { ...options, retryAfterMs: retryDelayMs(error.details) });
  }
  if (error.status === 'FAILED_PRECONDITION' && /location is not supported/i.test(message)) {
    return new UpstreamUnavailableError(message, options);
  }
  if (failure.status === 400 || failure.status === 404) return new InvalidRequestError(message, options);
  return classifyUpstreamError(failure);
}

/** An `error` object inside a 200 stream, classified by the same rules. */
export function classifyGeminiStreamError(error: { code?: number | null; message?: string | null; status?: string | null }): GatewayError {
  const status = error.code ?? 500;
  return classifyGeminiError({ status, headers: {}, bodyText: JSON.stringify({ error: { ...error, code: status } }) });
}
