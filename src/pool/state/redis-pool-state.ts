import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { InternalError } from '../../core/errors/index.js';
import {
  concurrencyRetryAfterMs,
  rpmWindowMs,
  type AccountLimitInput,
  type AccountLimits,
  type AccountUsage,
  type PoolState,
  type SlotAcquireResult,
} from './pool-state.js';
import { acquireSlotScript, refreshStickyScript, releaseAfterSuccessScript, renewLeaseScript, usageScript } from './redis-pool-scripts.js';
import { ReleaseNotifier } from './release-notifier.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

export interface RedisPoolStateOptions {
  /** Prefix of every key; give each deployment (and each test) its own. */
  keyPrefix?: string;
  /** How long a consecutive-failure count survives without a new failure. */
  failureTtlMs?: number;
}

const limitArgument = (value: number | null): number => (value === null ? -1 : value);

/**
 * Pool state shared by every instance through Redis. Limits are checked and taken by one Lua
 * script per attempt; leases carry an expiry so a crashed instance's slots free themselves.
 * Releases on other instances are seen by polling (the pool's queue wait), local ones at once.
 */
export class RedisPoolState implements PoolState {
  readonly remote = true;
  private readonly prefix: string;
  private readonly failureTtlMs: number;
  private readonly notifier = new ReleaseNotifier();

  constructor(
    private readonly redis: Redis,
    options: RedisPoolStateOptions = {},
  ) {
    this.prefix = options.keyPrefix ?? 'sluice:pool:';
    this.failureTtlMs = options.failureTtlMs ?? 3_600_000;
  }

  async usage(accounts: readonly AccountLimitInput[], now: number): Promise<AccountUsage[]> {
    if (accounts.length === 0) return [];
    return (await this.readUsage(accounts, now)).usage;
  }

  async usageWithCursor(accounts: readonly AccountLimitInput[], now: number, scope: string): Promise<{ usage: AccountUsage[]; cursor: number }> {
    const { usage, cursor } = await this.readUsage(accounts, now, this.key('cursor', scope));
    return { usage, cursor: cursor ?? 0 };
  }

  /** One run of the usage script: the accounts' numbers, and with `cursorKey` that cursor moved on by one. */
  private async readUsage(accounts: readonly AccountLimitInput[], now: number, cursorKey?: string): Promise<{ usage: AccountUsage[]; cursor?: number }> {
    const keys = accounts.flatMap(({ id }) => [this.key('rpm', id), this.key('lease', id), this.key('cool', id)]);
    if (cursorKey !== undefined) keys.push(cursorKey);
    const args: number[] = [now, rpmWindowMs, concurrencyRetryAfterMs];
    for (const account of accounts) args.push(limitArgument(account.requestsPerMinute), limitArgument(account.maxConcurrency));
    const reply = await usageScript.run(this.redis, keys, args);
    const numbers = Array.isArray(reply) ? reply.map(Number) : [];
    const usage = accounts.map((_, index) => {
      const [rpmNow = 0, inFlight = 0, cooldown = -1, retry = -1] = numbers.slice(index * 4, index * 4 + 4);
      return { rpmNow, inFlight, cooldownUntil: cooldown >= 0 ? cooldown : null, retryAfterMs: retry >= 0 ? retry : null };
    });
    return { usage, cursor: cursorKey === undefined ? undefined : numbers[accounts.length * 4] };
  }

  async tryAcquire(accountId: string, limits: AccountLimits, now: number, leaseTtlMs: number): Promise<SlotAcquireResult> {
    const leaseId = randomUUID();
    const reply = await acquireSlotScript.run(
      this.redis,
      [this.key('rpm', accountId), this.key('lease', accountId)],
      [
        now,
        rpmWindowMs,
        limitArgument(limits.requestsPerMinute),
        limitArgument(limits.maxConcurrency),
        leaseId,
        leaseTtlMs,
        concurrencyRetryAfterMs,
      ],
    );
    if (!Array.isArray(reply)) throw new InternalError('Unexpected reply from the slot script.');
    if (Number(reply[0]) === 1) return { acquired: true, leaseId };
    const limit = reply[1] === 'concurrency' ? 'concurrency' : 'rpm';
    return { acquired: false, limit, retryAfterMs: Math.max(1, Number(reply[2]) || rpmWindowMs) };
  }

  async renewLease(accountId: string, leaseId: string, now: number, leaseTtlMs: number): Promise<void> {
    await renewLeaseScript.run(this.redis, [this.key('lease', accountId)], [leaseId, now + leaseTtlMs, leaseTtlMs + 1000]);
  }

  async releaseLease(accountId: string, leaseId: string, succeeded = false): Promise<void> {
    if (succeeded) await releaseAfterSuccessScript.run(this.redis, [this.key('lease', accountId), this.key('fail', accountId)], [leaseId]);
    else await this.redis.zrem(this.key('lease', accountId), leaseId);
    this.notifier.notify();
  }

  async recordFailure(accountId: string): Promise<number> {
    const key = this.key('fail', accountId);
    const replies = await this.redis.multi().incr(key).pexpire(key, this.failureTtlMs).exec();
    const count = replies?.[0]?.[1];
    return typeof count === 'number' ? count : Number(count ?? 1);
  }

  async resetFailures(accountId: string): Promise<void> {
    await this.redis.del(this.key('fail', accountId));
  }

  async setCooldown(accountId: string, until: number | null, now: number): Promise<void> {
    const key = this.key('cool', accountId);
    if (until === null || until <= now) {
      await this.redis.del(key);
      this.notifier.notify();
      return;
    }
    await this.redis.set(key, String(until), 'PX', until - now);
  }

  async nextCursor(scope: string): Promise<number> {
    return await this.redis.incr(this.key('cursor', scope));
  }

  async getSticky(key: string, refreshTtlMs?: number): Promise<string | null> {
    if (refreshTtlMs === undefined) return await this.redis.get(this.key('sticky', key));
    const found = await refreshStickyScript.run(this.redis, [this.key('sticky', key)], [Math.max(1, Math.round(refreshTtlMs))]);
    return typeof found === 'string' ? found : null;
  }

  async setSticky(key: string, accountId: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.key('sticky', key), accountId, 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async deleteSticky(key: string): Promise<void> {
    await this.redis.del(this.key('sticky', key));
  }

  waitForRelease(timeoutMs: number, signal?: CancelSignal): Promise<void> {
    return this.notifier.wait(timeoutMs, signal);
  }

  private key(kind: string, id: string): string {
    return `${this.prefix}${kind}:${id}`;
  }
}
