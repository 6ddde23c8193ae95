import {
  InternalError,
  QuotaExhaustedError,
  UpstreamUnavailableError,
  isGatewayError,
  type GatewayError,
  type GatewayErrorKind,
} from '../core/errors/index.js';

/** How the pool treats an account after an upstream call ended with a given kind of error. */
export type HealthRule = 'disable' | 'quota_exhausted' | 'cool_down' | 'back_off' | 'hang_back_off' | 'no_penalty';

/**
 * THE health policy, one row per error kind (the compiler insists every kind has a row):
 * - credential_invalid: the adapter already tried one refresh where it could; the credential is dead → disable.
 * - account_suspended: → disable with the upstream's reason.
 * - quota_exhausted: out until the quota resets (`resetAt`, else one hour).
 * - upstream_rate_limited: cool down for `retry-after` (30 s when absent; 1 s to 10 min).
 * - upstream_unavailable: a short pause that doubles per consecutive failure (2 s × 2^(n−1), at most 5 min).
 * - timeout (the upstream held a request on the wire past the attempt timeout, or a stream stalled):
 *   a hanging account wastes a whole attempt of every request sent to it, so its pause starts longer
 *   and grows per consecutive failure (30 s × 2^(n−1), at most 10 min).
 * - everything else (a bad request, the client's own key or limits, our own faults): never the account's fault.
 * A client abort, a wait on our side of the wire (queueing for a local connection, connecting:
 * `blamesAccount: false`) and any error that is not a GatewayError leave the account alone too.
 */
export const healthPolicy: Readonly<Record<GatewayErrorKind, HealthRule>> = {
  credential_invalid: 'disable',
  account_suspended: 'disable',
  quota_exhausted: 'quota_exhausted',
  upstream_rate_limited: 'cool_down',
  upstream_unavailable: 'back_off',
  timeout: 'hang_back_off',
  invalid_request: 'no_penalty',
  authentication: 'no_penalty',
  permission: 'no_penalty',
  not_found: 'no_penalty',
  payload_too_large: 'no_penalty',
  rate_limited: 'no_penalty',
  budget_exceeded: 'no_penalty',
  no_account_available: 'no_penalty',
  internal: 'no_penalty',
};

export const healthPolicyTimings = {
  defaultQuotaResetMs: 3_600_000,
  defaultRateLimitCooldownMs: 30_000,
  minRateLimitCooldownMs: 1_000,
  maxRateLimitCooldownMs: 600_000,
  backOffBaseMs: 2_000,
  maxBackOffMs: 300_000,
  hangBackOffBaseMs: 30_000,
  maxHangBackOffMs: 600_000,
} as const;

export type RequestOutcome = { ok: true } | { ok: false; error: unknown };

export type HealthAction =
  | { kind: 'none' }
  /** Success: reset the failure count, and end a status whose cooldown has passed. */
  | { kind: 'recover' }
  | { kind: 'disable'; reason: string; lastError: string }
  | { kind: 'quota_exhausted'; until: number; reason: string; lastError: string }
  | { kind: 'cool_down'; until: number; reason: string; lastError: string };

/** The rule that applies to an outcome; `null` for a success. */
export function healthRuleFor(outcome: RequestOutcome): HealthRule | null {
  if (outcome.ok) return null;
  if (outcome.error instanceof UpstreamUnavailableError && !outcome.error.blamesAccount) return 'no_penalty';
  return isGatewayError(outcome.error) ? healthPolicy[outcome.error.kind] : 'no_penalty';
}

/** Whether the outcome adds to the account's consecutive-failure count (read before deciding). */
export const countsAsFailure = (outcome: RequestOutcome): boolean => {
  const rule = healthRuleFor(outcome);
  return rule === 'back_off' || rule === 'hang_back_off';
};

export interface HealthDecisionInput {
  now: number;
  /** Consecutive transient failures including this one. */
  consecutiveFailures: number;
}

/** Turns an outcome into an action by the table above. Pure. */
export function decideHealthAction(outcome: RequestOutcome, input: HealthDecisionInput): HealthAction {
  const rule = healthRuleFor(outcome);
  if (rule === null) return { kind: 'recover' };
  if (outcome.ok || !isGatewayError(outcome.error)) return { kind: 'none' };
  const error = outcome.error;
  const lastError = describeError(error);
  switch (rule) {
    case 'no_penalty':
      return { kind: 'none' };
    case 'disable':
      return { kind: 'disable', reason: `${error.kind}: ${error.message}`.slice(0, 300), lastError };
    case 'quota_exhausted': {
      const resetAt = error instanceof QuotaExhaustedError ? error.resetAt : undefined;
      const until = resetAt !== undefined && resetAt > input.now ? resetAt : input.now + healthPolicyTimings.defaultQuotaResetMs;
      return { kind: 'quota_exhausted', until, reason: 'quota exhausted until reset', lastError };
    }
    case 'cool_down': {
      const { defaultRateLimitCooldownMs, minRateLimitCooldownMs, maxRateLimitCooldownMs } = healthPolicyTimings;
      const wait = clamp(error.retryAfterMs ?? defaultRateLimitCooldownMs, minRateLimitCooldownMs, maxRateLimitCooldownMs);
      return { kind: 'cool_down', until: input.now + wait, reason: `upstream rate limited for ${Math.ceil(wait / 1000)} s`, lastError };
    }
    case 'back_off': {
      const wait = backOffMs(input.consecutiveFailures);
      const reason = `upstream unavailable (${input.consecutiveFailures} in a row), paused ${Math.ceil(wait / 1000)} s`;
      return { kind: 'cool_down', until: input.now + wait, reason, lastError };
    }
    case 'hang_back_off': {
      const wait = hangBackOffMs(input.consecutiveFailures);
      const reason = `upstream timed out (${input.consecutiveFailures} in a row), paused ${Math.ceil(wait / 1000)} s`;
      return { kind: 'cool_down', until: input.now + wait, reason, lastError };
    }
    default: {
      const unknown: never = rule;
      throw new InternalError(`Unknown health rule: ${String(unknown)}`);
    }
  }
}

/** 2 s × 2^(failures − 1), at most 5 minutes. */
export function backOffMs(consecutiveFailures: number): number {
  const exponent = Math.min(Math.max(consecutiveFailures, 1) - 1, 30);
  return Math.min(healthPolicyTimings.backOffBaseMs * 2 ** exponent, healthPolicyTimings.maxBackOffMs);
}

/** 30 s × 2^(failures − 1), at most 10 minutes. */
export function hangBackOffMs(consecutiveFailures: number): number {
  const exponent = Math.min(Math.max(consecutiveFailures, 1) - 1, 30);
  return Math.min(healthPolicyTimings.hangBackOffBaseMs * 2 ** exponent, healthPolicyTimings.maxHangBackOffMs);
}

function describeError(error: GatewayError): string {
  const status = error.upstreamStatus === undefined ? '' : ` (upstream ${error.upstreamStatus})`;
  return `${error.name}${status}: ${error.message}`.slice(0, 500);
}

const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), max);
