import { describe, expect, it } from 'vitest';
import {
  AccountSuspendedError,
  AuthenticationError,
  CredentialInvalidError,
  InternalError,
  InvalidRequestError,
  QuotaExhaustedError,
  RateLimitedError,
  UpstreamRateLimitedError,
  UpstreamUnavailableError,
} from '../core/errors/index.js';
import { backOffMs, countsAsFailure, decideHealthAction, hangBackOffMs, type HealthAction } from './health-policy.js';

const now = 1_000_000;
const abortError = (): Error => Object.assign(new Error('aborted'), { name: 'AbortError' });

const cases: Array<{ name: string; error: unknown; failures?: number; expected: Partial<HealthAction> & { kind: HealthAction['kind'] } }> = [
  { name: 'dead credential → disable', error: new CredentialInvalidError('invalid_grant'), expected: { kind: 'disable', reason: 'credential_invalid: invalid_grant' } },
  {
    name: 'expired token the adapter could not refresh → disable',
    error: new CredentialInvalidError('token expired', { refreshable: true, upstreamStatus: 401 }),
    expected: { kind: 'disable' },
  },
  { name: 'suspended → disable', error: new AccountSuspendedError('TEMPORARILY_SUSPENDED'), expected: { kind: 'disable', reason: 'account_suspended: TEMPORARILY_SUSPENDED' } },
  { name: 'quota with reset → until reset', error: new QuotaExhaustedError('monthly', { resetAt: now + 86_400_000 }), expected: { kind: 'quota_exhausted', until: now + 86_400_000 } },
  { name: 'quota without reset → one hour', error: new QuotaExhaustedError('402'), expected: { kind: 'quota_exhausted', until: now + 3_600_000 } },
  { name: 'quota with a reset in the past → one hour', error: new QuotaExhaustedError('402', { resetAt: now - 5 }), expected: { kind: 'quota_exhausted', until: now + 3_600_000 } },
  { name: '429 with retry-after → cool for it', error: new UpstreamRateLimitedError('slow down', { retryAfterMs: 12_000 }), expected: { kind: 'cool_down', until: now + 12_000 } },
  { name: '429 without retry-after → 30 s', error: new UpstreamRateLimitedError('slow down'), expected: { kind: 'cool_down', until: now + 30_000 } },
  { name: '429 with a huge retry-after → capped at 10 min', error: new UpstreamRateLimitedError('x', { retryAfterMs: 86_400_000 }), expected: { kind: 'cool_down', until: now + 600_000 } },
  { name: '429 with retry-after 0 → at least 1 s', error: new UpstreamRateLimitedError('x', { retryAfterMs: 0 }), expected: { kind: 'cool_down', until: now + 1_000 } },
  { name: '503 first failure → 2 s', error: new UpstreamUnavailableError('overloaded', { upstreamStatus: 529 }), failures: 1, expected: { kind: 'cool_down', until: now + 2_000 } },
  { name: '503 third failure → 8 s', error: new UpstreamUnavailableError('bad gateway'), failures: 3, expected: { kind: 'cool_down', until: now + 8_000 } },
  { name: 'timeout first failure → 30 s, not 2 s', error: new UpstreamUnavailableError('timeout', { timeout: true }), failures: 1, expected: { kind: 'cool_down', until: now + 30_000 } },
  { name: 'timeout third failure → 2 min', error: new UpstreamUnavailableError('timeout', { timeout: true }), failures: 3, expected: { kind: 'cool_down', until: now + 120_000 } },
  { name: 'timeout twelfth failure → capped at 10 min', error: new UpstreamUnavailableError('timeout', { timeout: true }), failures: 12, expected: { kind: 'cool_down', until: now + 600_000 } },
  {
    name: 'waiting for a local connection → no penalty',
    error: new UpstreamUnavailableError('no local connection in time', { timeout: true, blamesAccount: false }),
    expected: { kind: 'none' },
  },
  { name: '400 → no penalty', error: new InvalidRequestError('too long'), expected: { kind: 'none' } },
  { name: 'client key problems → no penalty', error: new AuthenticationError(), expected: { kind: 'none' } },
  { name: 'our own limit → no penalty', error: new RateLimitedError('key rpm', 1000), expected: { kind: 'none' } },
  { name: 'our own bug → no penalty', error: new InternalError('oops'), expected: { kind: 'none' } },
  { name: 'client abort → nothing', error: abortError(), expected: { kind: 'none' } },
  { name: 'unknown throwable → nothing', error: 'string thrown', expected: { kind: 'none' } },
];

describe('decideHealthAction', () => {
  it.each(cases)('$name', ({ error, failures, expected }) => {
    const action = decideHealthAction({ ok: false, error }, { now, consecutiveFailures: failures ?? 1 });
    expect(action).toMatchObject(expected);
  });

  it('success → recover', () => {
    expect(decideHealthAction({ ok: true }, { now, consecutiveFailures: 0 })).toEqual({ kind: 'recover' });
  });

  it('records the error with its upstream status but no more than 500 characters', () => {
    const action = decideHealthAction({ ok: false, error: new CredentialInvalidError('x'.repeat(900), { upstreamStatus: 403 }) }, { now, consecutiveFailures: 1 });
    expect(action.kind).toBe('disable');
    if (action.kind === 'disable') {
      expect(action.lastError.startsWith('CredentialInvalidError (upstream 403): xxx')).toBe(true);
      expect(action.lastError.length).toBe(500);
    }
  });

  it('only transient upstream failures count as consecutive failures', () => {
    expect(countsAsFailure({ ok: false, error: new UpstreamUnavailableError('x') })).toBe(true);
    expect(countsAsFailure({ ok: false, error: new UpstreamUnavailableError('x', { timeout: true }) })).toBe(true);
    expect(countsAsFailure({ ok: false, error: new UpstreamUnavailableError('x', { timeout: true, blamesAccount: false }) })).toBe(false);
    expect(countsAsFailure({ ok: false, error: new UpstreamRateLimitedError('x') })).toBe(false);
    expect(countsAsFailure({ ok: false, error: new InvalidRequestError('x') })).toBe(false);
    expect(countsAsFailure({ ok: true })).toBe(false);
  });

  it.each([
    [1, 2_000],
    [2, 4_000],
    [5, 32_000],
    [8, 256_000],
    [9, 300_000],
    [1000, 300_000],
  ])('back-off after %i failures is %i ms', (failures, expected) => {
    expect(backOffMs(failures)).toBe(expected);
  });

  it.each([
    [1, 30_000],
    [2, 60_000],
    [5, 480_000],
    [6, 600_000],
  ])('back-off of a hanging account after %i timeouts is %i ms', (failures, expected) => {
    expect(hangBackOffMs(failures)).toBe(expected);
  });
});
