import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings/settings-schema.js';
import { accountAvailability } from './account-availability.js';
import { BalanceMonitor } from './balance-monitor.js';
import { InMemoryAccountStore } from './testing/in-memory-account-store.js';
import { makeAccount } from './testing/make-account.js';
import { silentLogger } from './testing/silent-logger.js';

const setup = () => {
  const store = new InMemoryAccountStore([
    makeAccount('a', { balanceThreshold: 1, balance: { remaining: 1.5, unit: 'USD', source: 'upstream', checkedAt: 1 } }),
    makeAccount('credits', { balanceThreshold: 1, balance: { remaining: 1.5, unit: 'credits', source: 'upstream', checkedAt: 1 } }),
  ]);
  const lows: Array<{ id: string; remaining: number | null }> = [];
  const monitor = new BalanceMonitor({
    store,
    settings: () => defaultSettings(),
    fetchBalance: async () => ({ remaining: 10, unit: 'USD', source: 'upstream', checkedAt: 2 }),
    spentSince: async () => 0,
    onBalanceLow: (account, balance) => void lows.push({ id: account.id, remaining: balance.remaining }),
    logger: silentLogger(),
  });
  const available = (id: string) => accountAvailability(store.get(id)!, { model: 'm', now: Date.now() }).kind === 'available';
  return { store, monitor, lows, available };
};

describe('BalanceMonitor.recordSpend: the local ledger, current per request', () => {
  it('takes an account out of rotation as soon as its spend crosses the threshold, not at the next balance check', async () => {
    const { store, monitor, lows, available } = setup();
    await monitor.recordSpend('a', 0.2);
    expect(available('a')).toBe(true);
    expect(store.get('a')!.balance!.remaining).toBe(1.5);
    await monitor.recordSpend('a', 0.4);
    expect(available('a')).toBe(false);
    expect(store.get('a')!.balance).toMatchObject({ remaining: 0.9, source: 'ledger' });
    expect(lows).toEqual([{ id: 'a', remaining: 0.9 }]);
    await monitor.recordSpend('a', 0.4);
    expect(lows).toHaveLength(1);
  });

  it('starts over from a fresh balance check', async () => {
    const { store, monitor, available } = setup();
    await monitor.recordSpend('a', 0.4);
    await monitor.refresh('a');
    await monitor.recordSpend('a', 0.4);
    expect(store.get('a')!.balance!.remaining).toBe(10);
    expect(available('a')).toBe(true);
  });

  it('leaves balances in other units alone (a cost is in USD)', async () => {
    const { store, monitor, available } = setup();
    await monitor.recordSpend('credits', 5);
    expect(store.get('credits')!.balance!.remaining).toBe(1.5);
    expect(available('credits')).toBe(true);
  });
});
