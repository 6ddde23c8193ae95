import { describe, expect, it } from 'vitest';
import { deriveAccountStatus, type AccountStatusInput } from './derive-account-status.js';

const now = 1_700_000_000_000;
const base: AccountStatusInput = { enabled: true, status: 'active', statusReason: null, cooldownUntil: null, balance: null, balanceThreshold: null };

describe('deriveAccountStatus', () => {
  it.each<[string, Partial<AccountStatusInput>, { status: string; inRotation: boolean; cooldownUntil: number | null }]>([
    ['cooling, still', { status: 'cooling', cooldownUntil: now + 5_000 }, { status: 'cooling', inRotation: false, cooldownUntil: now + 5_000 }],
    ['cooling, ten minutes past', { status: 'cooling', cooldownUntil: now - 600_000 }, { status: 'active', inRotation: true, cooldownUntil: null }],
    ['cooling, extended in the shared state', { status: 'cooling', cooldownUntil: now - 1, liveCooldownUntil: now + 9_000 }, { status: 'cooling', inRotation: false, cooldownUntil: now + 9_000 }],
    ['active, cooled by another instance', { liveCooldownUntil: now + 3_000 }, { status: 'cooling', inRotation: false, cooldownUntil: now + 3_000 }],
    ['quota, reset passed', { status: 'quota_exhausted', cooldownUntil: now - 1 }, { status: 'active', inRotation: true, cooldownUntil: null }],
    ['quota, no reset known', { status: 'quota_exhausted' }, { status: 'quota_exhausted', inRotation: false, cooldownUntil: null }],
    ['disabled', { status: 'disabled', cooldownUntil: now - 1 }, { status: 'disabled', inRotation: false, cooldownUntil: null }],
    ['switched off by an operator', { enabled: false }, { status: 'active', inRotation: false, cooldownUntil: null }],
  ])('%s', (_name, input, expected) => {
    expect(deriveAccountStatus({ ...base, ...input }, now)).toMatchObject(expected);
  });

  it('says why an active account is out of rotation when its balance is below the threshold', () => {
    const derived = deriveAccountStatus({ ...base, balance: { remaining: 0.5, unit: 'USD' }, balanceThreshold: 2 }, now);
    expect(derived).toMatchObject({ status: 'active', inRotation: false });
    expect(derived.statusReason).toBe('balance 0.5 USD is below the threshold of 2 USD: out of rotation until it is topped up');
  });

  it('keeps the old reason when a cooldown has ended', () => {
    const derived = deriveAccountStatus({ ...base, status: 'cooling', statusReason: 'paused 8 s', cooldownUntil: now - 1_000 }, now);
    expect(derived.statusReason).toBe(`cooldown ended at ${new Date(now - 1_000).toISOString()} (was: paused 8 s)`);
  });
});
