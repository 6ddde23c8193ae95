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

/** Pool state for a single instance. Every map is bounded by the number of accounts or by a cap. */
export class MemoryPoolState implements PoolState {
  private readonly requestTimes = new Map<string, number[]>();
  private readonly leases = new Map<string, Map<string, number>>();
  /** Per account, no lease expires before this: held leases are looked over only once it has passed. */
  private readonly leasesExpireFrom = new Map<string, number>();
  private readonly failures = new Map<string, number>();
  private readonly cooldowns = new Map<string, number>();
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

  async usage(accounts: readonly AccountLimitInput[], now: number): Promise<Map<string, AccountUsage>> {
    const result = new Map<string, AccountUsage>();
    for (const { id, limits } of accounts) {
      const times = this.prunedTimes(id, now);
      const held = this.prunedLeases(id, now);
      const cooldownUntil = this.cooldowns.get(id) ?? null;
      result.set(id, {
        rpmNow: times.length,
        inFlight: held.size,
        cooldownUntil: cooldownUntil !== null && cooldownUntil > now ? cooldownUntil : null,
        retryAfterMs: this.limitRetryAfter(times, held, limits, now)?.retryAfterMs ?? null,
      });
    }
    return result;
  }

  async tryAcquire(accountId: string, limits: AccountLimits, now: number, leaseTtlMs: number): Promise<SlotAcquireResult> {
    const times = this.prunedTimes(accountId, now);
    const held = this.prunedLeases(accountId, now);
    const limited = this.limitRetryAfter(times, held, limits, now);
    if (limited) return { acquired: false, ...limited };
    const leaseId = randomUUID();
    times.push(now);
    if (limits.requestsPerMinute === null && times.length > this.maxRpmEntries) times.shift();
    held.set(leaseId, now + leaseTtlMs);
    this.leasesExpireFrom.set(accountId, Math.min(this.leasesExpireFrom.get(accountId) ?? Number.POSITIVE_INFINITY, now + leaseTtlMs));
    return { acquired: true, leaseId };
  }

  async renewLease(accountId: string, leaseId: string, now: number, leaseTtlMs: number): Promise<void> {
    const held = this.leases.get(accountId);
    if (held?.has(leaseId)) held.set(leaseId, now + leaseTtlMs);
  }

  async releaseLease(accountId: string, leaseId: string): Promise<void> {
    const held = this.leases.get(accountId);
    if (held?.delete(leaseId)) this.notifier.notify();
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
      if (this.cooldowns.delete(accountId)) this.notifier.notify();
    } else {
      this.cooldowns.set(accountId, until);
    }
  }

  async nextCursor(scope: string): Promise<number> {
    const next = (this.cursors.get(scope) ?? 0) + 1;
    this.cursors.set(scope, next > Number.MAX_SAFE_INTEGER - 1 ? 0 : next);
    return next;
  }

  async getSticky(key: string): Promise<string | null> {
    const entry = this.sticky.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.now()) {
      this.sticky.delete(key);
      return null;
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

  private prunedTimes(accountId: string, now: number): number[] {
    let times = this.requestTimes.get(accountId);
    if (!times) {
      times = [];
      this.requestTimes.set(accountId, times);
    }
    const windowStart = now - rpmWindowMs;
    let expired = 0;
    while (expired < times.length && (times[expired] ?? 0) <= windowStart) expired += 1;
    if (expired > 0) times.splice(0, expired);
    return times;
  }

  /**
   * The account's leases, without those that expired (a holder that died without releasing). Renewals
   * only move expiries later, so the remembered earliest expiry is a safe bound for when to look.
   */
  private prunedLeases(accountId: string, now: number): Map<string, number> {
    let held = this.leases.get(accountId);
    if (!held) {
      held = new Map();
      this.leases.set(accountId, held);
    }
    if (held.size > 0 && now >= (this.leasesExpireFrom.get(accountId) ?? 0)) {
      let earliest = Number.POSITIVE_INFINITY;
      for (const [leaseId, expiresAt] of held) {
        if (expiresAt <= now) held.delete(leaseId);
        else earliest = Math.min(earliest, expiresAt);
      }
      this.leasesExpireFrom.set(accountId, earliest);
    }
    return held;
  }

  private limitRetryAfter(
    times: readonly number[],
    held: ReadonlyMap<string, number>,
    limits: AccountLimits,
    now: number,
  ): { limit: 'rpm' | 'concurrency'; retryAfterMs: number } | null {
    if (limits.maxConcurrency !== null && held.size >= limits.maxConcurrency) {
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
