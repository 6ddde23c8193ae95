import type { AccountRecord, AccountStore } from '../accounts/account-record.js';
import type { Logger } from '../logging/logger.js';
import type { Settings } from '../settings/settings-schema.js';
import { SettingsIntervalJob } from './settings-interval-job.js';

export interface HealthCheckerDependencies {
  store: AccountStore;
  settings: () => Settings;
  /** A cheap call that throws a typed error when the account still does not work (fetchBalance or a tiny request). */
  probe(account: AccountRecord): Promise<void>;
  logger: Logger;
  now?: () => number;
  /** How many probes run at once. */
  concurrency?: number;
}

export interface HealthCheckSummary {
  probed: number;
  recovered: string[];
}

/**
 * Probes accounts that are out of rotation but may have recovered: disabled by the health policy
 * (status `disabled` while `enabled` is still true; an operator's switch is left alone), quota
 * exhausted past their reset, and cooling past their cooldown. A passing probe makes the account
 * active again, with a reason. A failing probe only records the error: the account stays out.
 * Runs every `settings.health_check_interval_seconds` (0 = off); a change of it applies at once.
 */
export class HealthChecker {
  private readonly job: SettingsIntervalJob;
  private running: Promise<HealthCheckSummary> | undefined;
  private readonly now: () => number;

  constructor(private readonly dependencies: HealthCheckerDependencies) {
    this.now = dependencies.now ?? Date.now;
    this.job = new SettingsIntervalJob({
      intervalSeconds: () => dependencies.settings().health_check_interval_seconds,
      run: () => this.runOnce(),
      onError: (error) => dependencies.logger.error({ err: error }, 'health check round failed'),
    });
  }

  start(): void {
    this.job.start();
  }

  async stop(): Promise<void> {
    this.job.stop();
    await this.running?.catch(() => undefined);
  }

  /** Accounts the next round would probe. */
  dueAccounts(): AccountRecord[] {
    const now = this.now();
    return this.dependencies.store.list().filter((account) => {
      if (!account.enabled) return false;
      switch (account.status) {
        case 'active':
          return false;
        case 'disabled':
          return true;
        case 'quota_exhausted':
        case 'cooling':
          return (account.cooldownUntil ?? 0) <= now;
        default: {
          const unknown: never = account.status;
          return unknown;
        }
      }
    });
  }

  /** One round; concurrent calls share the round in progress. */
  runOnce(): Promise<HealthCheckSummary> {
    this.running ??= this.probeAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async probeAll(): Promise<HealthCheckSummary> {
    const due = this.dueAccounts();
    const recovered: string[] = [];
    const queue = [...due];
    const workers = Array.from({ length: Math.min(this.dependencies.concurrency ?? 4, queue.length) }, async () => {
      for (let account = queue.shift(); account; account = queue.shift()) {
        if (await this.probeOne(account)) recovered.push(account.id);
      }
    });
    await Promise.all(workers);
    return { probed: due.length, recovered };
  }

  private async probeOne(account: AccountRecord): Promise<boolean> {
    const { store, logger } = this.dependencies;
    try {
      await this.dependencies.probe(account);
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : 'probe failed';
      logger.info({ accountId: account.id, status: account.status, err: message }, 'health check: account still failing');
      if (message !== account.lastError) await store.updateState(account.id, { lastError: message });
      return false;
    }
    const current = store.get(account.id);
    if (!current || !current.enabled || current.status === 'active') return false;
    await store.updateState(account.id, {
      status: 'active',
      statusReason: `health check passed (was ${current.status})`,
      cooldownUntil: null,
      lastError: null,
    });
    logger.info({ accountId: account.id, was: current.status }, 'health check: account re-enabled');
    return true;
  }
}
