import { z } from 'zod';
import { CredentialInvalidError } from '../../core/errors/credential-invalid-error.js';
import type { GatewayError } from '../../core/errors/gateway-error.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { QuotaExhaustedError } from '../../core/errors/quota-exhausted-error.js';
import { UpstreamRateLimitedError } from '../../core/errors/upstream-rate-limited-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { parseRetryAfter, type ResponseHeaders } from './parse-retry-after.js';
import { redactSecrets } from './redact-secrets.js';

export interface UpstreamFailure {
  status: number;
  headers: ResponseHeaders;
  /** A bounded excerpt of the response body. */
  bodyText: string;
  /** Secrets of the account, scrubbed from any message taken from the body. */
  secrets?: readonly (string | undefined)[];
}

const errorBodySchema = z
  .object({
    error: z
      .union([
        z.string(),
        z.looseObject({
          message: z.string().optional(),
          type: z.string().nullish(),
          code: z.union([z.string(), z.number()]).nullish(),
        }),
      ])
      .optional(),
    message: z.string().optional(),
    detail: z.string().optional(),
    code: z.union([z.string(), z.number()]).optional(),
  })
  .loose();

interface ErrorDetails {
  message?: string;
  code?: string;
}

function readErrorDetails(bodyText: string): ErrorDetails {
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return { message: bodyText.trim() === '' ? undefined : bodyText.trim().slice(0, 500) };
  }
  const parsed = errorBodySchema.safeParse(Array.isArray(json) ? json[0] : json);
  if (!parsed.success) return {};
  const { error, message, detail, code } = parsed.data;
  if (typeof error === 'string') return { message: error, code: code === undefined ? undefined : String(code) };
  const errorCode = error?.code ?? error?.type ?? code;
  return {
    message: error?.message ?? message ?? detail,
    code: errorCode === undefined || errorCode === null ? undefined : String(errorCode),
  };
}

const quotaPattern =
  /insufficient_quota|billing|credit balance|out of credits|insufficient (balance|credits|funds)|quota (exceeded|exhausted)|exceeded your current quota|payment required/i;
const expiredTokenPattern = /token (has )?expired|expired token|jwt expired/i;
/** A 403 about where the call comes from is the egress's fault, not the credential's. */
const regionPattern = /unsupported_country|country, region, or territory|not available in your (country|region)/i;

/** Turns a non-2xx upstream response into the typed error the pool acts on. */
export function classifyUpstreamError(failure: UpstreamFailure): GatewayError {
  const { status, headers } = failure;
  const details = readErrorDetails(failure.bodyText);
  const upstreamMessage = details.message ? redactSecrets(details.message, failure.secrets) : undefined;
  const message = upstreamMessage ?? `Upstream returned HTTP ${status}.`;
  const options = { upstreamStatus: status, upstreamCode: details.code };
  const quotaSignal = quotaPattern.test(`${details.code ?? ''} ${upstreamMessage ?? ''}`);

  if (status === 402 || (quotaSignal && [400, 403, 429].includes(status))) {
    return new QuotaExhaustedError(message, options);
  }
  if (status === 400 || status === 404 || status === 413 || status === 422) {
    return new InvalidRequestError(message, options);
  }
  if (status === 403 && regionPattern.test(`${details.code ?? ''} ${upstreamMessage ?? ''}`)) {
    return new UpstreamUnavailableError(message, options);
  }
  if (status === 401 || status === 403) {
    return new CredentialInvalidError(message, { ...options, refreshable: expiredTokenPattern.test(message) });
  }
  if (status === 429) {
    return new UpstreamRateLimitedError(message, { ...options, retryAfterMs: parseRetryAfter(headers) });
  }
  if (status === 408 || status === 504) {
    return new UpstreamUnavailableError(message, { ...options, timeout: status === 408 });
  }
  return new UpstreamUnavailableError(message, options);
}
