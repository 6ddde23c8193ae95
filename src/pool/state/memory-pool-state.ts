import { randomUUID } from 'node:crypto';
import {
  concurrencyRetryAfterMs,
  rpmWindowMs,
  type AccountLimitInput,
  type AccountLimits,
  type AccountUsage,
  type PoolState,
  type SlotAcquireResult,
} from './pool-state.js';
import { ReleaseNotifier } from './release-notifier.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

export interface MemoryPoolStateOptions {
  now?: () => number;
  /** Upper bound of the sticky map; the oldest entries go first. */
  maxStickyEntries?: number;
  /** Upper bound of remembered request times per unlimited account. */
  maxRpmEntries?: number;
}

/** What the state keeps per account, found with one lookup: the pool reads every eligible account per request. */
interface AccountSlots {
  /** Start times of the requests in the RPM window, oldest first. */
  times: number[];
  /** Held leases: lease id → expiry. */
  leases: Map<string, number>;
  /** No lease expires before this: held leases are looked over only once it has passed. */
  leasesExpireFrom: number;
  /** The shared cooldown's end; 0 when none. */
  cooldownUntil: number;
}

/** Pool state for a single instance. Every map is bounded by the number of accounts or by a cap. */
export class MemoryPoolState implements PoolState {
  readonly remote = false;
  private readonly slots = new Map<string, AccountSlots>();
  private readonly failures = new Map<string, number>();
  private readonly cursors = new Map<string, number>();
  private readonly sticky = new Map<string, { accountId: string; expiresAt: number }>();
  private readonly notifier = new ReleaseNotifier();
  private readonly now: () => number;
  private readonly maxStickyEntries: number;
  private readonly maxRpmEntries: number;

  constructor(options: MemoryPoolStateOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxStickyEntries = options.maxStickyEntries ?? 100_000;
    this.maxRpmEntries = options.maxRpmEntries ?? 10_000;
  }

  async usage(accounts: readonly AccountLimitInput[], now: number): Promise<AccountUsage[]> {
    const result: AccountUsage[] = [];
    for (const account of accounts) {
      const slots = this.prunedSlots(account.id, now);
      result.push({
        rpmNow: slots.times.length,
        inFlight: slots.leases.size,
        cooldownUntil: slots.cooldownUntil > now ? slots.cooldownUntil : null,
        retryAfterMs: this.limitRetryAfter(slots, account, now)?.retryAfterMs ?? null,
      });
    }
    return result;
  }

  async usageWithCursor(accounts: readonly AccountLimitInput[], now: number, scope: string): Promise<{ usage: AccountUsage[]; cursor: number }> {
    return { usage: await this.usage(accounts, now), cursor: await this.nextCursor(scope) };
  }

  async tryAcquire(accountId: string, limits: AccountLimits, now: number, leaseTtlMs: number): Promise<SlotAcquireResult> {
    const slots = this.prunedSlots(accountId, now);
    const limited = this.limitRetryAfter(slots, limits, now);
    if (limited) return { acquired: false, ...limited };
    const leaseId = randomUUID();
    slots.times.push(now);
    if (limits.requestsPerMinute === null && slots.times.length > this.maxRpmEntries) slots.times.shift();
    slots.leases.set(leaseId, now + leaseTtlMs);
    slots.leasesExpireFrom = Math.min(slots.leasesExpireFrom, now + leaseTtlMs);
    return { acquired: true, leaseId };
  }

  async renewLease(accountId: string, leaseId: string, now: number, leaseTtlMs: number): Promise<void> {
    const held = this.slots.get(accountId)?.leases;
    if (held?.has(leaseId)) held.set(leaseId, now + leaseTtlMs);
  }

  async releaseLease(accountId: string, leaseId: string, succeeded = false): Promise<void> {
    if (succeeded) this.failures.delete(accountId);
    if (this.slots.get(accountId)?.leases.delete(leaseId)) this.notifier.notify();
  }

  async recordFailure(accountId: string): Promise<number> {
    const count = (this.failures.get(accountId) ?? 0) + 1;
    this.failures.set(accountId, count);
    return count;
  }

  async resetFailures(accountId: string): Promise<void> {
    this.failures.delete(accountId);
  }

  async setCooldown(accountId: string, until: number | null, now: number): Promise<void> {
    if (until === null || until <= now) {
      const slots = this.slots.get(accountId);
      if (slots && slots.cooldownUntil > 0) {
        slots.cooldownUntil = 0;
        this.notifier.notify();
      }
    } else {
      this.slotsOf(accountId).cooldownUntil = until;
    }
  }

  async nextCursor(scope: string): Promise<number> {
    const next = (this.cursors.get(scope) ?? 0) + 1;
    this.cursors.set(scope, next > Number.MAX_SAFE_INTEGER - 1 ? 0 : next);
    return next;
  }

  async getSticky(key: string, refreshTtlMs?: number): Promise<string | null> {
    const entry = this.sticky.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.sticky.delete(key);
      return null;
    }
    if (refreshTtlMs !== undefined) {
      // Last in the map's order again: the oldest mapping is the one dropped first.
      this.sticky.delete(key);
      this.sticky.set(key, { accountId: entry.accountId, expiresAt: this.now() + refreshTtlMs });
    }
    return entry.accountId;
  }

  async setSticky(key: string, accountId: string, ttlMs: number): Promise<void> {
    this.sticky.delete(key);
    this.sticky.set(key, { accountId, expiresAt: this.now() + ttlMs });
    while (this.sticky.size > this.maxStickyEntries) {
      const oldest = this.sticky.keys().next();
      if (oldest.done) break;
      this.sticky.delete(oldest.value);
    }
  }

  async deleteSticky(key: string): Promise<void> {
    this.sticky.delete(key);
  }

  waitForRelease(timeoutMs: number, signal?: CancelSignal): Promise<void> {
    return this.notifier.wait(timeoutMs, signal);
  }

  private slotsOf(accountId: string): AccountSlots {
    let slots = this.slots.get(accountId);
    if (!slots) {
      slots = { times: [], leases: new Map(), leasesExpireFrom: Number.POSITIVE_INFINITY, cooldownUntil: 0 };
      this.slots.set(accountId, slots);
    }
    return slots;
  }

  /**
   * The account's slots without the request times that left the RPM window and the leases that
   * expired (a holder that died without releasing). Renewals only move expiries later, so the
   * remembered earliest expiry is a safe bound for when to look.
   */
  private prunedSlots(accountId: string, now: number): AccountSlots {
    const slots = this.slotsOf(accountId);
    const { times, leases } = slots;
    const windowStart = now - rpmWindowMs;
    let expired = 0;
    while (expired < times.length && times[expired]! <= windowStart) expired += 1;
    if (expired > 0) times.splice(0, expired);
    if (leases.size > 0 && now >= slots.leasesExpireFrom) {
      let earliest = Number.POSITIVE_INFINITY;
      for (const [leaseId, expiresAt] of leases) {
        if (expiresAt <= now) leases.delete(leaseId);
        else earliest = Math.min(earliest, expiresAt);
      }
      slots.leasesExpireFrom = earliest;
    }
    return slots;
  }

  private limitRetryAfter(slots: AccountSlots, limits: AccountLimits, now: number): { limit: 'rpm' | 'concurrency'; retryAfterMs: number } | null {
    const { times, leases } = slots;
    if (limits.maxConcurrency !== null && leases.size >= limits.maxConcurrency) {
      return { limit: 'concurrency', retryAfterMs: concurrencyRetryAfterMs };
    }
    const rpm = limits.requestsPerMinute;
    if (rpm !== null && times.length >= rpm) {
      const leaving = times[times.length - rpm];
      const retryAfterMs = leaving === undefined ? rpmWindowMs : leaving + rpmWindowMs - now;
      return { limit: 'rpm', retryAfterMs: Math.max(1, retryAfterMs) };
    }
    return null;
  }
}
