import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../accounts/account-record.js';
import type { Lease } from './account-pool.js';
import { firstBatchSize } from './eligible-batches.js';
import { MemoryPoolState } from './state/memory-pool-state.js';
import type { AccountLimitInput, AccountUsage } from './state/pool-state.js';
import { createTestPool } from './testing/create-test-pool.js';
import { FakeClock } from './testing/fake-clock.js';
import { makeAccount } from './testing/make-account.js';
import type { Settings } from '../settings/settings-schema.js';

/** Memory state that records how many accounts each usage read asked about. */
class CountingState extends MemoryPoolState {
  reads: number[] = [];
  override async usage(accounts: readonly AccountLimitInput[], now: number): Promise<AccountUsage[]> {
    this.reads.push(accounts.length);
    return await super.usage(accounts, now);
  }
}

const ids = (count: number, prefix = 'a') => Array.from({ length: count }, (_, index) => `${prefix}${String(index).padStart(4, '0')}`);

function largePool(accounts: AccountRecord[], strategy: Settings['routing_strategy'], random?: () => number) {
  const clock = new FakeClock();
  const state = new CountingState({ now: clock.now });
  const { pool } = createTestPool({ now: clock.now, accounts, state, random, settings: { routing_strategy: strategy, sticky_session_ttl_seconds: 0 } });
  const acquire = () => pool.acquire({ model: 'claude-sonnet-4.5', clientKeyId: 'key-1' });
  return { pool, state, clock, acquire };
}

describe('AccountPool with more accounts than one usage read covers', () => {
  it('reads one batch per request while accounts are free, and still serves every account in turn (round robin)', async () => {
    const { state, acquire } = largePool(ids(500).map((id) => makeAccount(id)), 'round_robin');
    const served: string[] = [];
    for (let request = 0; request < 500; request += 1) {
      const lease = await acquire();
      served.push(lease.account.id);
      await lease.release({ ok: true });
    }
    expect(new Set(served).size).toBe(500);
    expect(Math.max(...state.reads)).toBe(firstBatchSize);
    expect(state.reads).toHaveLength(500);
  });

  it('spreads held requests over the accounts with the fewest in flight (least in-flight)', async () => {
    const { state, acquire } = largePool(ids(200).map((id) => makeAccount(id)), 'least_inflight');
    const held: Lease[] = [];
    for (let request = 0; request < 400; request += 1) held.push(await acquire());
    const perAccount = new Map<string, number>();
    for (const lease of held) perAccount.set(lease.account.id, (perAccount.get(lease.account.id) ?? 0) + 1);
    expect(perAccount.size).toBe(200);
    expect(Math.max(...perAccount.values())).toBe(2);
    expect(Math.max(...state.reads)).toBe(firstBatchSize);
  });

  it('walks on past a batch whose accounts are all at their limits, in growing batches, and reports the earliest slot when all are', async () => {
    const accounts = ids(100).map((id, index) => makeAccount(id, { maxConcurrency: index === 90 ? 2 : 1 }));
    const { state, acquire } = largePool(accounts, 'round_robin');
    const held: Lease[] = [];
    for (let request = 0; request < 101; request += 1) held.push(await acquire());
    expect(new Set(held.map((lease) => lease.account.id)).size).toBe(100);
    state.reads = [];
    await expect(acquire()).rejects.toMatchObject({ kind: 'rate_limited', status: 429 });
    // 32, then the remaining 68 in one read (the next batch would hold 128).
    expect(state.reads).toEqual([32, 68]);
  });

  it('takes turns over the accounts that can serve: a run of dead or excluded ones gives no account more turns', async () => {
    const accounts = ids(400).map((id, index) => makeAccount(id, index < 200 ? { status: 'disabled' } : {}));
    const { state, pool } = largePool(accounts, 'round_robin');
    const excluded = new Set(ids(400).slice(200, 350));
    const served = new Map<string, number>();
    for (let request = 0; request < 100; request += 1) {
      const lease = await pool.acquire({ model: 'claude-sonnet-4.5', clientKeyId: 'key-1', exclude: excluded });
      served.set(lease.account.id, (served.get(lease.account.id) ?? 0) + 1);
      await lease.release({ ok: true });
    }
    // 50 accounts left, 100 requests: two each.
    expect(served.size).toBe(50);
    expect(Math.max(...served.values())).toBe(2);
    expect([...served.keys()].every((id) => Number(id.slice(1)) >= 350)).toBe(true);
    expect(Math.max(...state.reads)).toBe(firstBatchSize);
  });

  it('leaves accounts in a stored cooldown out of the reads, and tells when the first of them is back', async () => {
    const clock = new FakeClock();
    const accounts = ids(100).map((id, index) => makeAccount(id, index < 95 ? { status: 'cooling', cooldownUntil: clock.now() + 10_000 + index } : {}));
    const state = new CountingState({ now: clock.now });
    const { pool } = createTestPool({ now: clock.now, accounts, state, settings: { sticky_session_ttl_seconds: 0 } });
    const lease = await pool.acquire({ model: 'claude-sonnet-4.5', clientKeyId: 'key-1' });
    expect(Number(lease.account.id.slice(1))).toBeGreaterThanOrEqual(95);
    expect(state.reads).toEqual([5]);
    const allOut = new Set(ids(100).slice(95));
    await expect(pool.acquire({ model: 'claude-sonnet-4.5', clientKeyId: 'key-1', exclude: allOut })).rejects.toMatchObject({
      kind: 'no_account_available',
      status: 429,
      retryAfterMs: 10_000,
    });
  });

  it('keeps to the highest priority tier while any of its accounts has room, wherever it sits in the tier (priority)', async () => {
    const top = ids(80, 't').map((id, index) => makeAccount(id, { priority: 10, maxConcurrency: index === 70 ? 1 : 0 }));
    const low = ids(80, 'l').map((id) => makeAccount(id, { priority: 0 }));
    const { acquire } = largePool([...low, ...top], 'priority');
    const first = await acquire();
    expect(first.account.id).toBe('t0070');
    const second = await acquire();
    expect(second.account.priority).toBe(0);
  });

  it('chooses in proportion to weight, and weight 0 only when the others are busy (weighted)', async () => {
    const accounts = [...ids(99).map((id) => makeAccount(id, { weight: 1 })), makeAccount('heavy', { weight: 99 }), makeAccount('spare', { weight: 0 })];
    const { acquire } = largePool(accounts, 'weighted');
    let heavy = 0;
    for (let request = 0; request < 2000; request += 1) {
      const lease = await acquire();
      if (lease.account.id === 'heavy') heavy += 1;
      expect(lease.account.id).not.toBe('spare');
      await lease.release({ ok: true });
    }
    // Expected share 99 / 198 = 0.5.
    expect(heavy / 2000).toBeGreaterThan(0.45);
    expect(heavy / 2000).toBeLessThan(0.55);

    const limited = [...ids(40).map((id) => makeAccount(id, { maxConcurrency: 1 })), makeAccount('spare', { weight: 0 })];
    const busy = largePool(limited, 'weighted');
    for (let request = 0; request < 40; request += 1) expect((await busy.acquire()).account.id).not.toBe('spare');
    expect((await busy.acquire()).account.id).toBe('spare');
  });
});
