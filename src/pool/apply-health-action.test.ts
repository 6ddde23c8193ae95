import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../accounts/account-record.js';
import {
  AccountSuspendedError,
  QuotaExhaustedError,
  UpstreamRateLimitedError,
  UpstreamUnavailableError,
} from '../core/errors/index.js';
import { reportAccountOutcome } from './apply-health-action.js';
import type { RequestOutcome } from './health-policy.js';
import { MemoryPoolState } from './state/memory-pool-state.js';
import { FakeClock } from './testing/fake-clock.js';
import { InMemoryAccountStore } from './testing/in-memory-account-store.js';
import { makeAccount } from './testing/make-account.js';
import { silentLogger } from './testing/silent-logger.js';

const clock = new FakeClock();
const t = clock.now();

const cases: Array<{ name: string; before: Partial<AccountRecord>; outcome: RequestOutcome; after: Partial<AccountRecord> }> = [
  { name: '429 on an active account cools it', before: {}, outcome: { ok: false, error: new UpstreamRateLimitedError('x', { retryAfterMs: 5_000 }) }, after: { status: 'cooling', cooldownUntil: t + 5_000 } },
  {
    name: 'a shorter 429 never shortens a cooldown',
    before: { status: 'cooling', cooldownUntil: t + 60_000 },
    outcome: { ok: false, error: new UpstreamRateLimitedError('x', { retryAfterMs: 5_000 }) },
    after: { status: 'cooling', cooldownUntil: t + 60_000 },
  },
  {
    name: '429 leaves a quota-exhausted account as it is (error recorded)',
    before: { status: 'quota_exhausted', cooldownUntil: t + 3_600_000 },
    outcome: { ok: false, error: new UpstreamRateLimitedError('slow') },
    after: { status: 'quota_exhausted', cooldownUntil: t + 3_600_000, lastError: 'UpstreamRateLimitedError: slow' },
  },
  {
    name: 'quota exhaustion replaces a cooldown',
    before: { status: 'cooling', cooldownUntil: t + 5_000 },
    outcome: { ok: false, error: new QuotaExhaustedError('monthly', { resetAt: t + 86_400_000 }) },
    after: { status: 'quota_exhausted', cooldownUntil: t + 86_400_000, statusReason: 'quota exhausted until reset' },
  },
  {
    name: 'quota exhaustion leaves a disabled account disabled',
    before: { status: 'disabled', statusReason: 'credential_invalid: x' },
    outcome: { ok: false, error: new QuotaExhaustedError('402') },
    after: { status: 'disabled', statusReason: 'credential_invalid: x' },
  },
  {
    name: 'suspension disables whatever the state',
    before: { status: 'cooling', cooldownUntil: t + 5_000 },
    outcome: { ok: false, error: new AccountSuspendedError('TEMPORARILY_SUSPENDED') },
    after: { status: 'disabled', cooldownUntil: null, statusReason: 'account_suspended: TEMPORARILY_SUSPENDED' },
  },
  { name: 'success ends a cooldown that has passed', before: { status: 'cooling', cooldownUntil: t - 1 }, outcome: { ok: true }, after: { status: 'active', cooldownUntil: null } },
  {
    name: 'success of an older request does not end a running cooldown',
    before: { status: 'cooling', cooldownUntil: t + 5_000 },
    outcome: { ok: true },
    after: { status: 'cooling', cooldownUntil: t + 5_000 },
  },
  { name: 'success never re-enables a disabled account', before: { status: 'disabled' }, outcome: { ok: true }, after: { status: 'disabled' } },
];

describe('reportAccountOutcome', () => {
  it.each(cases)('$name', async ({ before, outcome, after }) => {
    const store = new InMemoryAccountStore([makeAccount('a', before)], clock.now);
    const dependencies = { store, state: new MemoryPoolState({ now: clock.now }), logger: silentLogger(), now: clock.now };
    await reportAccountOutcome(dependencies, 'a', outcome);
    expect(store.get('a')).toMatchObject(after);
  });

  it('counts consecutive 5xx across calls and ignores unknown accounts', async () => {
    const store = new InMemoryAccountStore([makeAccount('a')], clock.now);
    const dependencies = { store, state: new MemoryPoolState({ now: clock.now }), logger: silentLogger(), now: clock.now };
    const failure: RequestOutcome = { ok: false, error: new UpstreamUnavailableError('502') };
    await reportAccountOutcome(dependencies, 'a', failure);
    const second = await reportAccountOutcome(dependencies, 'a', failure);
    expect(second).toMatchObject({ kind: 'cool_down', until: t + 4_000 });
    expect(await reportAccountOutcome(dependencies, 'missing', failure)).toMatchObject({ kind: 'cool_down' });
  });
});
