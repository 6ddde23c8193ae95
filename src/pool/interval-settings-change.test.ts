import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../settings/settings-schema.js';
import { BalanceMonitor } from './balance-monitor.js';
import { HealthChecker } from './health-checker.js';
import { InMemoryAccountStore } from './testing/in-memory-account-store.js';
import { makeAccount } from './testing/make-account.js';
import { silentLogger } from './testing/silent-logger.js';

describe('background intervals follow a settings change at once', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the health check on the new interval instead of waiting out the old 300 s timer', async () => {
    const settings = { ...defaultSettings(), health_check_interval_seconds: 300 };
    const store = new InMemoryAccountStore([makeAccount('dead', { status: 'disabled' })]);
    let probes = 0;
    const checker = new HealthChecker({ store, settings: () => settings, probe: async () => void (probes += 1), logger: silentLogger() });
    checker.start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(probes).toBe(0);
    settings.health_check_interval_seconds = 5;
    await vi.advanceTimersByTimeAsync(2_000);
    // 10 s have passed since the timer was set: the new 5 s interval is already due.
    expect(probes).toBe(1);
    await checker.stop();
  });

  it('runs the balance check on the new interval instead of waiting out the old hour', async () => {
    const settings = { ...defaultSettings(), balance_check_interval_seconds: 3600 };
    const store = new InMemoryAccountStore([makeAccount('a')]);
    let checks = 0;
    const monitor = new BalanceMonitor({
      store,
      settings: () => settings,
      fetchBalance: async () => {
        checks += 1;
        return null;
      },
      spentSince: async () => 0,
      logger: silentLogger(),
    });
    monitor.start();
    await vi.advanceTimersByTimeAsync(1_000);
    settings.balance_check_interval_seconds = 30;
    await vi.advanceTimersByTimeAsync(31_000);
    expect(checks).toBe(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(checks).toBe(2);
    await monitor.stop();
  });
});
