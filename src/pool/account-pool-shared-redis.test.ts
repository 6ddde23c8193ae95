import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { AccountRecord } from '../accounts/account-record.js';
import { RateLimitedError, UpstreamRateLimitedError } from '../core/errors/index.js';
import type { AccountPool } from './account-pool.js';
import { RedisPoolState } from './state/redis-pool-state.js';
import { createTestPool } from './testing/create-test-pool.js';
import { makeAccount } from './testing/make-account.js';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.warn('REDIS_URL is not set: skipping the shared-state test of two pools over one Redis.');

const sleep = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe.skipIf(!redisUrl)('two AccountPool instances over one Redis', () => {
  const redis = new Redis(redisUrl ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
  const prefixes: string[] = [];

  afterAll(async () => {
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    await redis.quit();
  });

  /** Two instances: each its own store (as two processes would cache the same rows) and its own state object. */
  const twoInstances = (accounts: AccountRecord[], queueTimeoutMs: number): [AccountPool, AccountPool] => {
    const keyPrefix = `sluice-test:${randomUUID()}:`;
    prefixes.push(keyPrefix);
    const instance = (): AccountPool =>
      createTestPool({
        accounts,
        state: new RedisPoolState(redis, { keyPrefix }),
        settings: { queue_timeout_ms: queueTimeoutMs },
        options: { pollIntervalMs: 5 },
      }).pool;
    return [instance(), instance()];
  };

  it('never exceeds an account concurrency cap together (200 cycles from each instance)', async () => {
    const caps: Record<string, number> = { a: 2, b: 3 };
    const pools = twoInstances([makeAccount('a', { maxConcurrency: 2 }), makeAccount('b', { maxConcurrency: 3 })], 20_000);
    const inFlight: Record<string, number> = { a: 0, b: 0 };
    const peak: Record<string, number> = { a: 0, b: 0 };
    let completed = 0;
    const worker = async (pool: AccountPool, cycles: number): Promise<void> => {
      for (let cycle = 0; cycle < cycles; cycle += 1) {
        const lease = await pool.acquire({ model: 'm', clientKeyId: 'k' });
        const id = lease.account.id;
        inFlight[id] = (inFlight[id] ?? 0) + 1;
        peak[id] = Math.max(peak[id] ?? 0, inFlight[id] ?? 0);
        await sleep(1 + Math.floor(Math.random() * 3));
        inFlight[id] = (inFlight[id] ?? 0) - 1;
        await lease.release({ ok: true });
        completed += 1;
      }
    };
    // 10 workers × 20 cycles per instance = 200 cycles each, against 5 slots in all.
    await Promise.all(pools.flatMap((pool) => Array.from({ length: 10 }, () => worker(pool, 20))));
    expect(completed).toBe(400);
    expect(peak.a).toBeLessThanOrEqual(caps.a ?? 0);
    expect(peak.b).toBeLessThanOrEqual(caps.b ?? 0);
    expect(peak.a).toBe(2);
    expect(peak.b).toBe(3);
    expect((await pools[0].liveState('a')).in_flight + (await pools[1].liveState('b')).in_flight).toBe(0);
  }, 60_000);

  it('never exceeds an account RPM together (200 attempts from each instance)', async () => {
    const pools = twoInstances([makeAccount('a', { requestsPerMinute: 25 }), makeAccount('b', { requestsPerMinute: 15 })], 0);
    const served: Record<string, number> = { a: 0, b: 0 };
    let refused = 0;
    const attempt = async (pool: AccountPool): Promise<void> => {
      try {
        const lease = await pool.acquire({ model: 'm', clientKeyId: 'k' });
        served[lease.account.id] = (served[lease.account.id] ?? 0) + 1;
        await lease.release({ ok: true });
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        expect(error.retryAfterMs).toBeGreaterThan(0);
        expect(error.retryAfterMs).toBeLessThanOrEqual(60_000);
        refused += 1;
      }
    };
    await Promise.all(pools.flatMap((pool) => Array.from({ length: 200 }, () => attempt(pool))));
    expect(served).toEqual({ a: 25, b: 15 });
    expect(refused).toBe(360);
    expect((await pools[1].liveState('a')).rpm_now).toBe(25);
  }, 60_000);

  it("holds every account's cap together in a pool larger than one usage read, and serves each account", async () => {
    const accounts = Array.from({ length: 120 }, (_, index) => makeAccount(`a${index}`, { maxConcurrency: 1 }));
    const pools = twoInstances(accounts, 0);
    const held = new Map<string, number>();
    let refused = 0;
    const attempt = async (pool: AccountPool) => {
      try {
        const lease = await pool.acquire({ model: 'm', clientKeyId: 'k' });
        held.set(lease.account.id, (held.get(lease.account.id) ?? 0) + 1);
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        refused += 1;
      }
    };
    await Promise.all(pools.flatMap((pool) => Array.from({ length: 80 }, () => attempt(pool))));
    expect(held.size).toBe(120);
    expect(Math.max(...held.values())).toBe(1);
    expect(refused).toBe(40);
  }, 60_000);

  it('shares cooldowns and sticky sessions between instances', async () => {
    const [first, second] = twoInstances([makeAccount('a'), makeAccount('b')], 0);
    const lease = await first.acquire({ model: 'm', clientKeyId: 'k', sessionKey: 'session:s1' });
    await lease.release({ ok: true });
    const elsewhere = await second.acquire({ model: 'm', clientKeyId: 'k', sessionKey: 'session:s1' });
    await elsewhere.release({ ok: true });
    expect(elsewhere.account.id).toBe(lease.account.id);
    expect(elsewhere.sticky).toBe('hit');

    // The second instance's own cached record still says active: only the shared cooldown keeps it away.
    const limited = await first.acquire({ model: 'm', clientKeyId: 'k' });
    await limited.release({ ok: false, error: new UpstreamRateLimitedError('429', { retryAfterMs: 60_000 }) });
    for (let turn = 0; turn < 4; turn += 1) {
      const other = await second.acquire({ model: 'm', clientKeyId: 'k' });
      await other.release({ ok: true });
      expect(other.account.id).not.toBe(limited.account.id);
    }
    expect((await second.liveState(limited.account.id)).cooldown_until).not.toBeNull();
  });
});
