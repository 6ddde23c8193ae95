import type { AccountRecord, AccountStore } from '../accounts/account-record.js';
import type { Logger } from '../logging/logger.js';
import type { Balance } from '../providers/provider-adapter.js';
import type { Settings } from '../settings/settings-schema.js';
import { SettingsIntervalJob } from './settings-interval-job.js';

export interface BalanceMonitorDependencies {
  store: AccountStore;
  settings: () => Settings;
  /** The provider's balance endpoint through its adapter; null when the provider has none. */
  fetchBalance(account: AccountRecord): Promise<Balance | null>;
  /** Total logged cost (USD) of the account since its initial balance was set. */
  spentSince(accountId: string): Promise<number>;
  /** Called when an account's remaining balance drops below its threshold (once per crossing). */
  onBalanceLow?(account: AccountRecord, balance: Balance): void;
  logger: Logger;
  now?: () => number;
}

/**
 * Keeps each account's balance current: from the provider when it reports one, otherwise from a
 * local ledger (initial balance − logged cost). Stored through AccountStore.saveBalance, which is
 * what selection reads to skip accounts below their `balanceThreshold`.
 * Runs every `settings.balance_check_interval_seconds` (0 = off; a change applies at once) and on demand.
 */
export class BalanceMonitor {
  private readonly job: SettingsIntervalJob;
  private running: Promise<void> | undefined;
  private readonly low = new Set<string>();
  /** USD spent per account since its balance was last stored (the per-request ledger). */
  private readonly spent = new Map<string, number>();
  private readonly now: () => number;

  constructor(private readonly dependencies: BalanceMonitorDependencies) {
    this.now = dependencies.now ?? Date.now;
    this.job = new SettingsIntervalJob({
      intervalSeconds: () => dependencies.settings().balance_check_interval_seconds,
      run: () => this.refreshAll(),
      onError: (error) => dependencies.logger.error({ err: error }, 'balance check round failed'),
    });
  }

  start(): void {
    this.job.start();
  }

  async stop(): Promise<void> {
    this.job.stop();
    await this.running?.catch(() => undefined);
  }

  /** Reads and stores one account's balance; null when neither the provider nor a ledger knows it. */
  async refresh(accountId: string): Promise<Balance | null> {
    const account = this.dependencies.store.get(accountId);
    if (!account) return null;
    const balance = (await this.fromProvider(account)) ?? (await this.fromLedger(account));
    if (!balance) return null;
    await this.dependencies.store.saveBalance(accountId, balance);
    this.spent.delete(accountId);
    this.checkThreshold(account, balance);
    return balance;
  }

  /**
   * Charges one request's cost (USD) to the account's last stored balance, so that a threshold acts
   * as soon as it is crossed rather than at the next balance check. Kept in memory; the store is
   * written (and the balance-low alert sent) only when the threshold is crossed, never per request.
   * Balances in other units (credits, requests) wait for the provider's own figure.
   */
  async recordSpend(accountId: string, costUsd: number): Promise<void> {
    if (!(costUsd > 0)) return;
    const account = this.dependencies.store.get(accountId);
    const balance = account?.balance;
    if (!account || !balance || balance.remaining === null || balance.unit !== 'USD') return;
    const spent = (this.spent.get(accountId) ?? 0) + costUsd;
    this.spent.set(accountId, spent);
    const remaining = roundUsd(balance.remaining - spent);
    if (account.balanceThreshold === null || this.low.has(accountId) || remaining >= account.balanceThreshold) return;
    const charged: Balance = {
      ...balance,
      remaining,
      used: balance.used === null || balance.used === undefined ? balance.used : roundUsd(balance.used + spent),
      source: 'ledger',
      checkedAt: this.now(),
    };
    this.spent.delete(accountId);
    await this.dependencies.store.saveBalance(accountId, charged);
    this.checkThreshold(account, charged);
  }

  /** One round over every enabled account, one at a time (balance endpoints are slow and rate limited). */
  refreshAll(): Promise<void> {
    this.running ??= this.refreshEach().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async refreshEach(): Promise<void> {
    for (const account of this.dependencies.store.list()) {
      if (!account.enabled) continue;
      try {
        await this.refresh(account.id);
      } catch (error) {
        this.dependencies.logger.warn({ accountId: account.id, err: error }, 'balance refresh failed');
      }
    }
  }

  private async fromProvider(account: AccountRecord): Promise<Balance | null> {
    try {
      return await this.dependencies.fetchBalance(account);
    } catch (error) {
      this.dependencies.logger.warn({ accountId: account.id, err: error }, 'balance check at the provider failed; using the ledger');
      return null;
    }
  }

  private async fromLedger(account: AccountRecord): Promise<Balance | null> {
    if (account.initialBalance === null) return null;
    const spent = await this.dependencies.spentSince(account.id);
    return {
      remaining: Math.round((account.initialBalance - spent) * 1e6) / 1e6,
      limit: account.initialBalance,
      used: spent,
      unit: 'USD',
      source: 'ledger',
      checkedAt: this.now(),
    };
  }

  private checkThreshold(account: AccountRecord, balance: Balance): void {
    const isLow = account.balanceThreshold !== null && balance.remaining !== null && balance.remaining < account.balanceThreshold;
    if (!isLow) {
      this.low.delete(account.id);
      return;
    }
    if (this.low.has(account.id)) return;
    this.low.add(account.id);
    this.dependencies.logger.warn({ accountId: account.id, remaining: balance.remaining, unit: balance.unit }, 'account balance low');
    try {
      this.dependencies.onBalanceLow?.(account, balance);
    } catch (error) {
      this.dependencies.logger.error({ err: error }, 'balance-low callback failed');
    }
  }
}

const roundUsd = (value: number): number => Math.round(value * 1e6) / 1e6;
