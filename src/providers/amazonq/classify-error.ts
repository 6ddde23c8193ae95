import { z } from 'zod';
import { AccountSuspendedError } from '../../core/errors/account-suspended-error.js';
import { CredentialInvalidError } from '../../core/errors/credential-invalid-error.js';
import type { GatewayError } from '../../core/errors/gateway-error.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import { ModelUnavailableError } from '../../core/errors/model-unavailable-error.js';
import { QuotaExhaustedError } from '../../core/errors/quota-exhausted-error.js';
import { UpstreamRateLimitedError } from '../../core/errors/upstream-rate-limited-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';

/** The parts of an upstream error the policy looks at. */
export interface AmazonQErrorInput {
  /** HTTP status, or undefined for an exception frame inside the event stream. */
  status?: number;
  /** Raw error name (header `x-amzn-errortype`, body `__type`/`code`, or `:exception-type`). */
  errorType?: string;
  body: string;
  retryAfterMs?: number;
  /** The model asked for, so a refusal of it (INVALID_MODEL_ID) names it. */
  model?: string;
  /** When the monthly quota resets, if known; defaults to the 1st of next month 00:00 UTC. */
  quotaResetAt?: number;
  now?: number;
}

const errorBody = z.looseObject({
  message: z.string().nullish(),
  Message: z.string().nullish(),
  reason: z.string().nullish(),
  __type: z.string().nullish(),
  code: z.string().nullish(),
});

const maxMessageLength = 500;

/** `com.amazon.aws.codewhisperer#ThrottlingException:http://…` → `ThrottlingException`. */
export function sanitizeErrorType(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const afterHash = raw.includes('#') ? raw.slice(raw.lastIndexOf('#') + 1) : raw;
  const name = afterHash.split(':')[0]?.trim();
  return name || undefined;
}

export const nextMonthStart = (now: number): number => {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
};

export const nextDayStart = (now: number): number => {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
};

/**
 * The written error policy for Q/Kiro (§4 of the protocol notes): 400s are the request's fault and
 * reach the client as 400s; quota (402, MONTHLY_REQUEST_COUNT) → out until the reset; suspension →
 * disable; DAILY_REQUEST_COUNT → out until the next UTC day; an invalid bearer token → refreshable credential error; other 401/403 → dead credential;
 * 429 → cool down, except INSUFFICIENT_MODEL_CAPACITY (model overload) which is transient like 5xx; 5xx and unknown → transient.
 */
export function classifyAmazonQError(input: AmazonQErrorInput): GatewayError {
  const parsed = parseBody(input.body);
  const name = sanitizeErrorType(input.errorType) ?? sanitizeErrorType(parsed.__type ?? undefined) ?? sanitizeErrorType(parsed.code ?? undefined);
  const reason = parsed.reason ?? undefined;
  const message = (parsed.message ?? parsed.Message ?? input.body).trim().slice(0, maxMessageLength) || 'Upstream error';
  const status = input.status ?? statusOfErrorType(name);
  const code = [name, reason].filter(Boolean).join(':') || undefined;
  const details = { upstreamStatus: input.status, upstreamCode: code };
  const text = `${message} ${reason ?? ''} ${input.body.slice(0, 2000)}`;

  if (/TEMPORARILY_SUSPENDED|temporarily is suspended|account.*suspended/i.test(text)) {
    return new AccountSuspendedError(`The upstream suspended this account: ${message}`, details);
  }
  if (/MONTHLY_REQUEST_COUNT|OVERAGE_REQUEST_LIMIT_EXCEEDED/.test(text) || status === 402 || name === 'ServiceQuotaExceededException') {
    return new QuotaExhaustedError(`The account's quota is exhausted: ${message}`, {
      ...details,
      resetAt: input.quotaResetAt ?? nextMonthStart(input.now ?? Date.now()),
    });
  }
  if (/DAILY_REQUEST_COUNT/.test(text)) {
    return new QuotaExhaustedError(`The account's daily quota is exhausted: ${message}`, { ...details, resetAt: nextDayStart(input.now ?? Date.now()) });
  }
  if (input.model !== undefined && (reason === 'INVALID_MODEL_ID' || /Invalid model\. Please select a different model|model '[^']*' is not available/i.test(message))) {
    // This account may not use the model (a free plan and Opus): another account may; no penalty.
    return new ModelUnavailableError(`The upstream refused the model ${input.model} for this account: ${message}`, { ...details, model: input.model });
  }
  if (/input is too long|CONTENT_LENGTH_EXCEEDS_THRESHOLD|PROMPT_TOO_LONG/i.test(text)) {
    return new InvalidRequestError(message.includes('Input is too long') ? message : `Input is too long. ${message}`, details);
  }
  if (status === 401 || (status === 403 && isBearerTokenRejection(text))) {
    return new CredentialInvalidError(`The upstream rejected the access token: ${message}`, { ...details, refreshable: true });
  }
  if (status === 403) {
    return new CredentialInvalidError(`The upstream refused this account: ${message}`, { ...details, refreshable: false });
  }
  if (/INSUFFICIENT_MODEL_CAPACITY/.test(text)) {
    // The model is overloaded for everyone: a short pause and fail over, not a cooldown of this account.
    return new UpstreamUnavailableError(`The upstream model is overloaded: ${message}`, details);
  }
  if (status === 429) {
    return new UpstreamRateLimitedError(`The upstream is rate limiting this account: ${message}`, { ...details, retryAfterMs: input.retryAfterMs });
  }
  if (status === 408 || status >= 500) {
    return new UpstreamUnavailableError(`The upstream failed: ${message}`, details);
  }
  if (status >= 400) {
    return new InvalidRequestError(reason ? `${message} (${reason})` : message, details);
  }
  return new UpstreamUnavailableError(`Unexpected upstream status ${status}: ${message}`, details);
}

export const isBearerTokenRejection = (text: string): boolean =>
  /bearer token included in the request is invalid|token.{0,20}(expired|invalid)|(expired|invalid).{0,20}token/i.test(text);

/** The modelled HTTP status of an exception name, for errors that arrive inside the stream. */
function statusOfErrorType(name: string | undefined): number {
  switch (name) {
    case 'ValidationException':
      return 400;
    case 'AccessDeniedException':
      return 403;
    case 'ServiceQuotaExceededException':
      return 402;
    case 'ResourceNotFoundException':
      return 404;
    case 'ConflictException':
      return 409;
    case 'ThrottlingException':
      return 429;
    case 'ServiceUnavailableException':
      return 503;
    default:
      return 500;
  }
}

function parseBody(body: string): z.infer<typeof errorBody> {
  try {
    const parsed = errorBody.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
