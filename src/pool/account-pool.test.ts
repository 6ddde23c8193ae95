import { describe, expect, it } from 'vitest';
import {
  CredentialInvalidError,
  InvalidRequestError,
  NoAccountAvailableError,
  RateLimitedError,
  UpstreamRateLimitedError,
  UpstreamUnavailableError,
} from '../core/errors/index.js';
import { MemoryPoolState } from './state/memory-pool-state.js';
import { createTestPool } from './testing/create-test-pool.js';
import { FakeClock } from './testing/fake-clock.js';
import { makeAccount } from './testing/make-account.js';

const acquireId = async (pool: ReturnType<typeof createTestPool>['pool'], input: Partial<Parameters<typeof pool.acquire>[0]> = {}) => {
  const lease = await pool.acquire({ model: 'claude-sonnet-4.5', clientKeyId: 'key-1', ...input });
  await lease.release({ ok: true });
  return lease.account.id;
};

describe('AccountPool selection', () => {
  it('only offers enabled, healthy accounts that serve the model and are not excluded or low on balance', async () => {
    const clock = new FakeClock();
    const { pool } = createTestPool({
      now: clock.now,
      accounts: [
        makeAccount('off', { enabled: false }),
        makeAccount('dead', { status: 'disabled' }),
        makeAccount('gpt-only', { models: ['gpt-*'] }),
        makeAccount('cooling', { status: 'cooling', cooldownUntil: clock.now() + 5_000 }),
        makeAccount('quota', { status: 'quota_exhausted', cooldownUntil: clock.now() + 5_000 }),
        makeAccount('poor', { balanceThreshold: 5, balance: { remaining: 1, unit: 'USD', source: 'upstream', checkedAt: 0 } }),
        makeAccount('tried'),
        makeAccount('good', { models: ['claude-*'] }),
      ],
    });
    for (let round = 0; round < 5; round += 1) expect(await acquireId(pool, { exclude: new Set(['tried']) })).toBe('good');
  });

  it('takes cooling and quota-exhausted accounts back once their time has passed', async () => {
    const clock = new FakeClock();
    const { pool } = createTestPool({
      now: clock.now,
      accounts: [
        makeAccount('cooling', { status: 'cooling', cooldownUntil: clock.now() + 5_000 }),
        makeAccount('quota', { status: 'quota_exhausted', cooldownUntil: clock.now() + 8_000 }),
      ],
    });
    await expect(acquireId(pool)).rejects.toMatchObject({ kind: 'no_account_available', status: 429, retryAfterMs: 5_000 });
    clock.advance(5_000);
    expect(await acquireId(pool)).toBe('cooling');
    clock.advance(3_000);
    const seen = new Set([await acquireId(pool), await acquireId(pool)]);
    expect(seen).toEqual(new Set(['cooling', 'quota']));
  });

  it('answers 503 when no account serves the model at all', async () => {
    const { pool } = createTestPool({ accounts: [makeAccount('a', { models: ['gpt-4o'] }), makeAccount('b', { status: 'disabled' })] });
    const error = await pool.acquire({ model: 'claude-sonnet-4.5', clientKeyId: 'k' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(NoAccountAvailableError);
    expect(error).toMatchObject({ status: 503, retryAfterMs: undefined });
  });

  it('rotates round robin over equally loaded accounts', async () => {
    const { pool } = createTestPool({ accounts: [makeAccount('a'), makeAccount('b'), makeAccount('c')] });
    const leases = [];
    for (let index = 0; index < 3; index += 1) leases.push(await pool.acquire({ model: 'm', clientKeyId: 'k' }));
    expect(new Set(leases.map((lease) => lease.account.id)).size).toBe(3);
  });

  it('follows priority tiers and falls back when the top tier is full', async () => {
    const { pool } = createTestPool({
      settings: { routing_strategy: 'priority' },
      accounts: [makeAccount('backup', { priority: 0 }), makeAccount('primary', { priority: 10, maxConcurrency: 1 })],
    });
    const first = await pool.acquire({ model: 'm', clientKeyId: 'k' });
    const second = await pool.acquire({ model: 'm', clientKeyId: 'k' });
    expect([first.account.id, second.account.id]).toEqual(['primary', 'backup']);
  });
});

describe('AccountPool limits', () => {
  it('skips an account at its RPM limit and answers 429 with the time until the earliest slot frees', async () => {
    const clock = new FakeClock();
    const { pool } = createTestPool({
      now: clock.now,
      accounts: [makeAccount('a', { requestsPerMinute: 2 }), makeAccount('b', { requestsPerMinute: 1 })],
    });
    const used = [await acquireId(pool), await acquireId(pool)];
    clock.advance(10_000);
    used.push(await acquireId(pool));
    expect(used.sort()).toEqual(['a', 'a', 'b']);
    clock.advance(5_000);
    const error = await pool.acquire({ model: 'm', clientKeyId: 'k' }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 45_000 });
    clock.advance(45_000);
    expect(await acquireId(pool)).toBeDefined();
  });

  it('caps concurrency and frees the slot on release, once only', async () => {
    const { pool, state } = createTestPool({ accounts: [makeAccount('a', { maxConcurrency: 1 })] });
    const lease = await pool.acquire({ model: 'm', clientKeyId: 'k' });
    await expect(pool.acquire({ model: 'm', clientKeyId: 'k' })).rejects.toBeInstanceOf(RateLimitedError);
    await lease.release({ ok: true });
    await lease.release({ ok: true });
    const again = await pool.acquire({ model: 'm', clientKeyId: 'k' });
    expect(again.account.id).toBe('a');
    expect((await state.usage([{ id: 'a', requestsPerMinute: null, maxConcurrency: 1 }], Date.now()))[0]?.inFlight).toBe(1);
  });

  it('renews a held lease past its TTL, and stops renewing after maxLeaseHoldMs', async () => {
    const limits = { requestsPerMinute: null, maxConcurrency: 1 };
    const renewed = createTestPool({ options: { leaseTtlMs: 1_500 }, accounts: [makeAccount('a', limits)] });
    const abandoned = createTestPool({ options: { leaseTtlMs: 1_500, maxLeaseHoldMs: 0 }, accounts: [makeAccount('a', limits)] });
    const held = await renewed.pool.acquire({ model: 'm', clientKeyId: 'k' });
    await abandoned.pool.acquire({ model: 'm', clientKeyId: 'k' });
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    expect((await renewed.pool.liveState('a')).in_flight).toBe(1);
    expect((await abandoned.pool.liveState('a')).in_flight).toBe(0);
    await held.release({ ok: true });
  });

  it('reports live state', async () => {
    const clock = new FakeClock();
    const { pool, store } = createTestPool({ now: clock.now, accounts: [makeAccount('a')] });
    const lease = await pool.acquire({ model: 'm', clientKeyId: 'k' });
    await pool.acquire({ model: 'm', clientKeyId: 'k' }).then((other) => other.release({ ok: true }));
    expect(await pool.liveState('a')).toEqual({ rpm_now: 2, in_flight: 1, cooldown_until: null });
    await lease.release({ ok: false, error: new UpstreamRateLimitedError('429', { retryAfterMs: 20_000 }) });
    expect(await pool.liveState('a')).toEqual({ rpm_now: 2, in_flight: 0, cooldown_until: new Date(clock.now() + 20_000).toISOString() });
    expect(store.get('a')?.status).toBe('cooling');
    store.patch('a', { status: 'active', cooldownUntil: null });
    await pool.resetAccount('a');
    expect((await pool.liveState('a')).cooldown_until).toBeNull();
    expect(await pool.liveState('unknown')).toEqual({ rpm_now: 0, in_flight: 0, cooldown_until: null });
  });

  it('reports the live state of several accounts in one read, each under its own id', async () => {
    const { pool } = createTestPool({ accounts: [makeAccount('a', { models: ['a-*'] }), makeAccount('b', { models: ['b-*'] })] });
    await pool.acquire({ model: 'a-1', clientKeyId: 'k' });
    await pool.acquire({ model: 'b-1', clientKeyId: 'k' });
    await pool.acquire({ model: 'b-1', clientKeyId: 'k' }).then((lease) => lease.release({ ok: true }));
    const live = await pool.liveStates(['b', 'unknown', 'a']);
    expect([...live.entries()]).toEqual([
      ['b', { rpm_now: 2, in_flight: 1, cooldown_until: null }],
      ['unknown', { rpm_now: 0, in_flight: 0, cooldown_until: null }],
      ['a', { rpm_now: 1, in_flight: 1, cooldown_until: null }],
    ]);
  });
});

describe('AccountPool health', () => {
  it('cools an account on 429 and brings it back by itself when the cooldown passes', async () => {
    const clock = new FakeClock();
    const { pool, store } = createTestPool({ now: clock.now, accounts: [makeAccount('a'), makeAccount('b')] });
    const lease = await pool.acquire({ model: 'm', clientKeyId: 'k' });
    const limitedId = lease.account.id;
    await lease.release({ ok: false, error: new UpstreamRateLimitedError('429', { retryAfterMs: 10_000 }) });
    expect(store.get(limitedId)).toMatchObject({ status: 'cooling', cooldownUntil: clock.now() + 10_000 });
    for (let index = 0; index < 4; index += 1) expect(await acquireId(pool)).not.toBe(limitedId);
    clock.advance(10_000);
    const ids = new Set<string>();
    for (let index = 0; index < 4; index += 1) ids.add(await acquireId(pool));
    expect(ids.has(limitedId)).toBe(true);
    expect(store.get(limitedId)?.status).toBe('active');
    expect(store.updates.at(-1)?.patch).toMatchObject({ status: 'active', statusReason: 'request succeeded' });
  });

  it('backs off exponentially on consecutive 5xx and resets the count after a success', async () => {
    const clock = new FakeClock();
    const { pool, store } = createTestPool({ now: clock.now, accounts: [makeAccount('a')] });
    const fail = async (): Promise<void> => {
      const lease = await pool.acquire({ model: 'm', clientKeyId: 'k' });
      await lease.release({ ok: false, error: new UpstreamUnavailableError('503', { upstreamStatus: 503 }) });
    };
    await fail();
    expect(store.get('a')?.cooldownUntil).toBe(clock.now() + 2_000);
    clock.advance(2_000);
    await fail();
    expect(store.get('a')?.cooldownUntil).toBe(clock.now() + 4_000);
    clock.advance(4_000);
    await fail();
    expect(store.get('a')?.cooldownUntil).toBe(clock.now() + 8_000);
    clock.advance(8_000);
    expect(await acquireId(pool)).toBe('a');
    await fail();
    expect(store.get('a')?.cooldownUntil).toBe(clock.now() + 2_000);
  });

  it('disables on a dead credential with the reason, and never penalises a bad request', async () => {
    const { pool, store } = createTestPool({ accounts: [makeAccount('a')] });
    const first = await pool.acquire({ model: 'm', clientKeyId: 'k' });
    await first.release({ ok: false, error: new InvalidRequestError('prompt is too long') });
    expect(store.updates).toHaveLength(0);
    const second = await pool.acquire({ model: 'm', clientKeyId: 'k' });
    await second.release({ ok: false, error: new CredentialInvalidError('invalid_grant', { upstreamStatus: 400 }) });
    expect(store.get('a')).toMatchObject({ status: 'disabled', statusReason: 'credential_invalid: invalid_grant' });
    expect(store.get('a')?.lastError).toContain('invalid_grant');
    await expect(pool.acquire({ model: 'm', clientKeyId: 'k' })).rejects.toMatchObject({ status: 503 });
  });

  it('does not turn a disabled account into a cooling one, and reports only real changes', async () => {
    const actions: string[] = [];
    const { pool, store } = createTestPool({ accounts: [makeAccount('a')], onHealthAction: (account, action) => void actions.push(`${account.id}:${action.kind}`) });
    const first = await pool.acquire({ model: 'm', clientKeyId: 'k' });
    const second = await pool.acquire({ model: 'm', clientKeyId: 'k' });
    await first.release({ ok: false, error: new CredentialInvalidError('revoked') });
    await second.release({ ok: false, error: new UpstreamRateLimitedError('429') });
    expect(store.get('a')?.status).toBe('disabled');
    expect(actions).toEqual(['a:disable']);
  });

  it('names the accounts that may serve a request before its first round trip to a shared state, and only then', async () => {
    const seen: string[][] = [];
    const accounts = [makeAccount('a'), makeAccount('b'), makeAccount('off', { status: 'disabled' }), makeAccount('other', { models: ['other-*'] })];
    const beforeRoundTrips = (candidates: readonly { id: string }[]) => void seen.push(candidates.map((account) => account.id));
    await acquireId(createTestPool({ accounts }).pool, { model: 'm', beforeRoundTrips });
    expect(seen).toEqual([]);
    // Memory standing in for Redis: only whether the state is remote matters here.
    const remote = Object.defineProperty(new MemoryPoolState(), 'remote', { value: true });
    await acquireId(createTestPool({ accounts, state: remote }).pool, { model: 'm', beforeRoundTrips });
    expect(seen).toEqual([['a', 'b']]);
  });
});
