import type { AccountLimitInput, AccountLimits, AccountUsage, PoolState, SlotAcquireResult } from './pool-state.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

/**
 * The shared (Redis) pool state with this instance's memory as a fallback: when the shared store
 * cannot answer, each call is answered from local state instead of failing the request. During an
 * outage account RPM and concurrency are counted per instance (so with N instances an account may
 * see up to N times its limits), cooldowns and sticky sessions are local; everything returns to the
 * shared store as soon as it answers again. A lease taken locally is released locally.
 */
export class FallbackPoolState implements PoolState {
  readonly remote = true;
  private readonly localLeases = new Set<string>();

  constructor(
    private readonly shared: PoolState,
    private readonly local: PoolState,
    private readonly onFallback: (operation: string, error: unknown) => void = () => undefined,
    /** False while the shared store is known to be disconnected: calls go local at once instead of waiting to time out. */
    private readonly isSharedAvailable: () => boolean = () => true,
  ) {}

  private async either<T>(operation: string, sharedCall: () => Promise<T>, localCall: () => Promise<T>): Promise<T> {
    try {
      if (!this.isSharedAvailable()) throw new Error('the shared store is disconnected');
      return await sharedCall();
    } catch (error) {
      this.onFallback(operation, error);
      return localCall();
    }
  }

  usage(accounts: readonly AccountLimitInput[], now: number): Promise<AccountUsage[]> {
    return this.either('usage', () => this.shared.usage(accounts, now), () => this.local.usage(accounts, now));
  }

  usageWithCursor(accounts: readonly AccountLimitInput[], now: number, scope: string): Promise<{ usage: AccountUsage[]; cursor: number }> {
    return this.either('usage', () => this.shared.usageWithCursor(accounts, now, scope), () => this.local.usageWithCursor(accounts, now, scope));
  }

  async tryAcquire(accountId: string, limits: AccountLimits, now: number, leaseTtlMs: number): Promise<SlotAcquireResult> {
    try {
      if (!this.isSharedAvailable()) throw new Error('the shared store is disconnected');
      return await this.shared.tryAcquire(accountId, limits, now, leaseTtlMs);
    } catch (error) {
      this.onFallback('tryAcquire', error);
      const result = await this.local.tryAcquire(accountId, limits, now, leaseTtlMs);
      if (result.acquired) this.localLeases.add(result.leaseId);
      return result;
    }
  }

  renewLease(accountId: string, leaseId: string, now: number, leaseTtlMs: number): Promise<void> {
    if (this.localLeases.has(leaseId)) return this.local.renewLease(accountId, leaseId, now, leaseTtlMs);
    // A shared lease that cannot be renewed simply expires with its TTL.
    return this.either('renewLease', () => this.shared.renewLease(accountId, leaseId, now, leaseTtlMs), async () => undefined);
  }

  async releaseLease(accountId: string, leaseId: string, succeeded = false): Promise<void> {
    if (this.localLeases.delete(leaseId)) {
      await this.local.releaseLease(accountId, leaseId);
      // The failure count lives where the shared store answers (or locally while it does not).
      if (succeeded) await this.resetFailures(accountId);
      return;
    }
    // An unreleased shared lease simply expires with its TTL; the reset still happens locally.
    await this.either(
      'releaseLease',
      () => this.shared.releaseLease(accountId, leaseId, succeeded),
      async () => (succeeded ? this.local.resetFailures(accountId) : undefined),
    );
  }

  recordFailure(accountId: string, now: number): Promise<number> {
    return this.either('recordFailure', () => this.shared.recordFailure(accountId, now), () => this.local.recordFailure(accountId, now));
  }

  resetFailures(accountId: string): Promise<void> {
    return this.either('resetFailures', () => this.shared.resetFailures(accountId), () => this.local.resetFailures(accountId));
  }

  setCooldown(accountId: string, until: number | null, now: number): Promise<void> {
    return this.either('setCooldown', () => this.shared.setCooldown(accountId, until, now), () => this.local.setCooldown(accountId, until, now));
  }

  nextCursor(scope: string): Promise<number> {
    return this.either('nextCursor', () => this.shared.nextCursor(scope), () => this.local.nextCursor(scope));
  }

  getSticky(key: string, refreshTtlMs?: number): Promise<string | null> {
    return this.either('getSticky', () => this.shared.getSticky(key, refreshTtlMs), () => this.local.getSticky(key, refreshTtlMs));
  }

  setSticky(key: string, accountId: string, ttlMs: number): Promise<void> {
    return this.either('setSticky', () => this.shared.setSticky(key, accountId, ttlMs), () => this.local.setSticky(key, accountId, ttlMs));
  }

  deleteSticky(key: string): Promise<void> {
    return this.either('deleteSticky', () => this.shared.deleteSticky(key), () => this.local.deleteSticky(key));
  }

  /** Woken by a release on either side, or by the timeout. */
  waitForRelease(timeoutMs: number, signal?: CancelSignal): Promise<void> {
    return Promise.race([this.shared.waitForRelease(timeoutMs, signal), this.local.waitForRelease(timeoutMs, signal)]);
  }
}
