import type { CancelSignal } from '../../core/cancel-signal.js';
/** The per-account limits a slot acquisition checks; null means unlimited. */
export interface AccountLimits {
  requestsPerMinute: number | null;
  maxConcurrency: number | null;
}

/** An account as a usage read takes it: its id and limits (an account record is one). */
export interface AccountLimitInput extends AccountLimits {
  id: string;
}

/** Live, shared numbers of one account at a point in time. */
export interface AccountUsage {
  /** Requests started in the last 60 seconds. */
  rpmNow: number;
  /** Leases currently held (not released, not expired). */
  inFlight: number;
  /** A cooldown set by the health policy through this state (epoch ms), or null. */
  cooldownUntil: number | null;
  /** When the account is at a limit now: how long until a slot frees (ms); null when it has room. */
  retryAfterMs: number | null;
}

export type SlotLimit = 'rpm' | 'concurrency';

export type SlotAcquireResult =
  | { acquired: true; leaseId: string }
  | { acquired: false; limit: SlotLimit; retryAfterMs: number };

/**
 * The state several gateway instances share about the pool: sliding-window RPM counters, in-flight
 * leases (with a TTL, so a crashed instance's leases expire), consecutive failures, cooldowns, the
 * round-robin cursor and the sticky-session map. `tryAcquire` is atomic: "check both limits and take a
 * slot" happens in one step, so instances together never exceed an account's RPM or concurrency.
 */
export interface PoolState {
  /** Whether calls go over the network to a store shared with other instances (Redis), each a round trip. */
  readonly remote: boolean;
  /** The usage of each account, in the order asked: the result's `[i]` is `accounts[i]`'s. */
  usage(accounts: readonly AccountLimitInput[], now: number): Promise<AccountUsage[]>;
  /** As usage, with the scope's cursor moved on by one (as nextCursor) in the same step. */
  usageWithCursor(accounts: readonly AccountLimitInput[], now: number, scope: string): Promise<{ usage: AccountUsage[]; cursor: number }>;
  tryAcquire(accountId: string, limits: AccountLimits, now: number, leaseTtlMs: number): Promise<SlotAcquireResult>;
  /** Extends a held lease (long streams); a no-op when the lease is gone. */
  renewLease(accountId: string, leaseId: string, now: number, leaseTtlMs: number): Promise<void>;
  /**
   * Frees a slot. After a success (`succeeded`) the account's consecutive failures are reset in the same
   * step, as resetFailures would: one round trip where the shared store is remote.
   */
  releaseLease(accountId: string, leaseId: string, succeeded?: boolean): Promise<void>;
  /** Adds one consecutive failure and returns the new count. */
  recordFailure(accountId: string, now: number): Promise<number>;
  resetFailures(accountId: string): Promise<void>;
  /** Sets (or with null, clears) the shared cooldown of an account. */
  setCooldown(accountId: string, until: number | null, now: number): Promise<void>;
  /** Returns a counter that grows by one per call, per scope (round-robin position). */
  nextCursor(scope: string): Promise<number>;
  /** The mapped account; with `refreshTtlMs`, a mapping found restarts its TTL in the same step. */
  getSticky(key: string, refreshTtlMs?: number): Promise<string | null>;
  setSticky(key: string, accountId: string, ttlMs: number): Promise<void>;
  deleteSticky(key: string): Promise<void>;
  /** Resolves when a lease is released (on this instance), after `timeoutMs`, or on abort. */
  waitForRelease(timeoutMs: number, signal?: CancelSignal): Promise<void>;
}

/** The RPM window length. */
export const rpmWindowMs = 60_000;
/** Retry hint when an account is at its concurrency cap: a slot frees when some request ends. */
export const concurrencyRetryAfterMs = 1_000;
