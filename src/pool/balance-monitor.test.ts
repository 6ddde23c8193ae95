import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../accounts/account-record.js';
import type { Balance } from '../providers/provider-adapter.js';
import { defaultSettings } from '../settings/settings-schema.js';
import { BalanceMonitor } from './balance-monitor.js';
import { createTestPool } from './testing/create-test-pool.js';
import { FakeClock } from './testing/fake-clock.js';
import { InMemoryAccountStore } from './testing/in-memory-account-store.js';
import { makeAccount } from './testing/make-account.js';
import { silentLogger } from './testing/silent-logger.js';

const upstreamBalance = (remaining: number): Balance => ({ remaining, unit: 'USD', source: 'upstream', checkedAt: 1 });

const setup = (accounts: AccountRecord[], fetchBalance: (account: AccountRecord) => Promise<Balance | null>, spent = 0) => {
  const clock = new FakeClock();
  const store = new InMemoryAccountStore(accounts, clock.now);
  const lows: Array<{ id: string; remaining: number | null }> = [];
  const monitor = new BalanceMonitor({
    store,
    settings: () => defaultSettings(),
    fetchBalance,
    spentSince: async () => spent,
    onBalanceLow: (account, balance) => void lows.push({ id: account.id, remaining: balance.remaining }),
    logger: silentLogger(),
    now: clock.now,
  });
  return { clock, store, monitor, lows };
};

describe('BalanceMonitor', () => {
  it('stores the provider balance', async () => {
    const { monitor, store } = setup([makeAccount('a')], async () => upstreamBalance(42));
    expect(await monitor.refresh('a')).toMatchObject({ remaining: 42, source: 'upstream' });
    expect(store.get('a')?.balance?.remaining).toBe(42);
  });

  it('falls back to the ledger when the provider has none or fails', async () => {
    const { monitor, store, clock } = setup(
      [makeAccount('none', { initialBalance: 100 }), makeAccount('broken', { initialBalance: 50 }), makeAccount('unknown')],
      async (account) => {
        if (account.id === 'broken') throw new Error('balance endpoint down');
        return null;
      },
      12.5,
    );
    expect(await monitor.refresh('none')).toEqual({ remaining: 87.5, limit: 100, used: 12.5, unit: 'USD', source: 'ledger', checkedAt: clock.now() });
    expect((await monitor.refresh('broken'))?.remaining).toBe(37.5);
    expect(await monitor.refresh('unknown')).toBeNull();
    expect(await monitor.refresh('missing')).toBeNull();
    expect(store.balances.map((entry) => entry.id)).toEqual(['none', 'broken']);
  });

  it('calls onBalanceLow once per crossing of the threshold', async () => {
    let remaining = 10;
    const { monitor, lows } = setup([makeAccount('a', { balanceThreshold: 5 })], async () => upstreamBalance(remaining));
    await monitor.refresh('a');
    remaining = 4;
    await monitor.refresh('a');
    await monitor.refresh('a');
    remaining = 20;
    await monitor.refresh('a');
    remaining = 1;
    await monitor.refresh('a');
    expect(lows).toEqual([
      { id: 'a', remaining: 4 },
      { id: 'a', remaining: 1 },
    ]);
  });

  it('refreshes every enabled account in a round, one failure not stopping the rest', async () => {
    const seen: string[] = [];
    const { monitor } = setup([makeAccount('a'), makeAccount('off', { enabled: false }), makeAccount('b')], async (account) => {
      seen.push(account.id);
      if (account.id === 'a') throw new Error('boom');
      return upstreamBalance(1);
    });
    await monitor.refreshAll();
    expect(seen).toEqual(['a', 'b']);
  });

  it('makes selection skip an account once its balance falls below the threshold', async () => {
    const { pool, store } = createTestPool({ accounts: [makeAccount('rich'), makeAccount('poor', { balanceThreshold: 5 })] });
    const monitor = new BalanceMonitor({
      store,
      settings: () => defaultSettings(),
      fetchBalance: async (account) => upstreamBalance(account.id === 'poor' ? 2 : 100),
      spentSince: async () => 0,
      logger: silentLogger(),
    });
    await monitor.refreshAll();
    for (let index = 0; index < 4; index += 1) {
      const lease = await pool.acquire({ model: 'm', clientKeyId: 'k' });
      await lease.release({ ok: true });
      expect(lease.account.id).toBe('rich');
    }
  });
});
