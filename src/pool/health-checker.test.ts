import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../accounts/account-record.js';
import { CredentialInvalidError } from '../core/errors/index.js';
import { defaultSettings } from '../settings/settings-schema.js';
import { HealthChecker } from './health-checker.js';
import { FakeClock } from './testing/fake-clock.js';
import { InMemoryAccountStore } from './testing/in-memory-account-store.js';
import { makeAccount } from './testing/make-account.js';
import { silentLogger } from './testing/silent-logger.js';

const setup = (accounts: AccountRecord[], probe: (account: AccountRecord) => Promise<void>, intervalSeconds = 300) => {
  const clock = new FakeClock();
  const store = new InMemoryAccountStore(accounts, clock.now);
  const settings = { ...defaultSettings(), health_check_interval_seconds: intervalSeconds };
  const checker = new HealthChecker({ store, settings: () => settings, probe, logger: silentLogger(), now: clock.now });
  return { clock, store, checker };
};

describe('HealthChecker', () => {
  it('probes only accounts that may have recovered', async () => {
    const clock = new FakeClock();
    const probed: string[] = [];
    const { checker } = setup(
      [
        makeAccount('active'),
        makeAccount('operator-off', { enabled: false, status: 'disabled' }),
        makeAccount('dead', { status: 'disabled' }),
        makeAccount('quota-later', { status: 'quota_exhausted', cooldownUntil: clock.now() + 60_000 }),
        makeAccount('quota-past', { status: 'quota_exhausted', cooldownUntil: clock.now() - 1 }),
        makeAccount('cooling-later', { status: 'cooling', cooldownUntil: clock.now() + 60_000 }),
        makeAccount('cooling-past', { status: 'cooling', cooldownUntil: clock.now() - 1 }),
      ],
      async (account) => void probed.push(account.id),
    );
    const summary = await checker.runOnce();
    expect(probed.sort()).toEqual(['cooling-past', 'dead', 'quota-past']);
    expect(summary.recovered.sort()).toEqual(['cooling-past', 'dead', 'quota-past']);
  });

  it('re-enables a recovered account with a reason and leaves a failing one out', async () => {
    const { checker, store } = setup([makeAccount('fixed', { status: 'disabled', lastError: 'old' }), makeAccount('still-dead', { status: 'disabled' })], async (account) => {
      if (account.id === 'still-dead') throw new CredentialInvalidError('invalid_grant');
    });
    await checker.runOnce();
    expect(store.get('fixed')).toMatchObject({ status: 'active', statusReason: 'health check passed (was disabled)', lastError: null, cooldownUntil: null });
    expect(store.get('still-dead')).toMatchObject({ status: 'disabled' });
    expect(store.get('still-dead')?.lastError).toContain('invalid_grant');
  });

  it('runs on its interval between start() and stop()', async () => {
    let probes = 0;
    const { checker } = setup([makeAccount('dead', { status: 'disabled' })], async () => {
      probes += 1;
      throw new Error('still down');
    }, 1);
    checker.start();
    await new Promise((resolve) => setTimeout(resolve, 2_300));
    await checker.stop();
    const counted = probes;
    expect(counted).toBeGreaterThanOrEqual(1);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(probes).toBe(counted);
  });

  it('shares a round in progress', async () => {
    let probes = 0;
    const { checker } = setup([makeAccount('dead', { status: 'disabled' })], async () => {
      probes += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    await Promise.all([checker.runOnce(), checker.runOnce()]);
    expect(probes).toBe(1);
  });
});
