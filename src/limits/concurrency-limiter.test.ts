import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { redisUrl, warnSkipped } from '../../tests/support/test-environment.js';
import type { ConcurrencyLimiter, ConcurrencySlot } from './concurrency-limiter.js';
import { createMemoryConcurrencyLimiter } from './memory-concurrency-limiter.js';
import { createRedisConcurrencyLimiter } from './redis-concurrency-limiter.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function held(limiter: ConcurrencyLimiter, key: string, limit: number): Promise<ConcurrencySlot> {
  const decision = await limiter.acquire({ key, limit, timeoutMs: 0 });
  if (!decision.acquired) throw new Error('expected a slot');
  return decision.slot;
}

async function untilWaiting(limiter: ConcurrencyLimiter, key: string, waiting: number): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    if ((await limiter.usage(key)).waiting === waiting) return;
    await sleep(5);
  }
  throw new Error(`never saw ${waiting} waiting`);
}

/** The same behaviour for every backend. */
function limiterContract(name: string, create: () => ConcurrencyLimiter) {
  describe(name, () => {
    it('grants up to the limit, refuses at once without a queue timeout, and frees a slot on release', async () => {
      const limiter = create();
      const first = await held(limiter, 'k', 2);
      await held(limiter, 'k', 2);
      expect(await limiter.acquire({ key: 'k', limit: 2, timeoutMs: 0 })).toEqual({ acquired: false, waitedMs: 0 });
      first.release();
      first.release();
      expect((await limiter.usage('k')).active).toBe(1);
      expect((await limiter.acquire({ key: 'k', limit: 2, timeoutMs: 0 })).acquired).toBe(true);
      expect((await limiter.acquire({ key: 'other', limit: 2, timeoutMs: 0 })).acquired).toBe(true);
      await limiter.close();
    });

    it('tells a caller once when it starts to wait, and never one served at once', async () => {
      const limiter = create();
      const waits: string[] = [];
      const holder = await limiter.acquire({ key: 'told', limit: 1, timeoutMs: 5000, onWait: () => waits.push('first') });
      if (!holder.acquired) throw new Error('expected a slot');
      const waiting = limiter.acquire({ key: 'told', limit: 1, timeoutMs: 5000, onWait: () => waits.push('second') });
      await untilWaiting(limiter, 'told', 1);
      expect(waits).toEqual(['second']);
      holder.slot.release();
      const served = await waiting;
      if (served.acquired) served.slot.release();
      expect(waits).toEqual(['second']);
      await limiter.close();
    });

    it('serves waiters first come, first served', async () => {
      const limiter = create();
      const holder = await held(limiter, 'fifo', 1);
      const order: string[] = [];
      const waits: Array<Promise<void>> = [];
      for (const [index, name] of ['a', 'b', 'c', 'd'].entries()) {
        waits.push(
          limiter.acquire({ key: 'fifo', limit: 1, timeoutMs: 5000 }).then(async (decision) => {
            if (!decision.acquired) throw new Error(`${name} timed out`);
            order.push(name);
            await sleep(10);
            decision.slot.release();
          }),
        );
        await untilWaiting(limiter, 'fifo', index + 1);
      }
      holder.release();
      await Promise.all(waits);
      expect(order).toEqual(['a', 'b', 'c', 'd']);
      expect(await limiter.usage('fifo')).toEqual({ active: 0, waiting: 0 });
      await limiter.close();
    });

    it('gives up after the queue timeout and leaves the queue', async () => {
      const limiter = create();
      const holder = await held(limiter, 'slow', 1);
      const startedAt = Date.now();
      const decision = await limiter.acquire({ key: 'slow', limit: 1, timeoutMs: 150 });
      expect(decision.acquired).toBe(false);
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(140);
      expect((await limiter.usage('slow')).waiting).toBe(0);
      holder.release();
      expect((await limiter.acquire({ key: 'slow', limit: 1, timeoutMs: 0 })).acquired).toBe(true);
      await limiter.close();
    });

    it('stops waiting when the caller leaves, and the place is not kept', async () => {
      const limiter = create();
      const holder = await held(limiter, 'gone', 1);
      const controller = new AbortController();
      const waiting = limiter.acquire({ key: 'gone', limit: 1, timeoutMs: 5000, signal: controller.signal });
      await untilWaiting(limiter, 'gone', 1);
      controller.abort();
      await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
      expect((await limiter.usage('gone')).waiting).toBe(0);
      holder.release();
      expect((await limiter.acquire({ key: 'gone', limit: 1, timeoutMs: 0 })).acquired).toBe(true);
      await limiter.close();
    });
  });
}

limiterContract('memory concurrency limiter', () => createMemoryConcurrencyLimiter());

describe.skipIf(!redisUrl)('redis concurrency limiter', () => {
  const connections: Redis[] = [];
  const connect = () => {
    const redis = new Redis(redisUrl!);
    connections.push(redis);
    return redis;
  };
  afterAll(async () => {
    await Promise.all(connections.map((redis) => redis.quit()));
  });
  const freshPrefix = () => `sluice-test-${randomBytes(6).toString('hex')}:`;
  const shared = connect();
  limiterContract('contract', () => createRedisConcurrencyLimiter({ redis: shared, keyPrefix: freshPrefix() }));

  it('holds one limit across instances, and the queue spans them in arrival order', async () => {
    const prefix = freshPrefix();
    const instances = [createRedisConcurrencyLimiter({ redis: connect(), keyPrefix: prefix }), createRedisConcurrencyLimiter({ redis: connect(), keyPrefix: prefix })];
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, index) => instances[index % 2]!.acquire({ key: 'k', limit: 3, timeoutMs: 0 })));
    const granted = decisions.flatMap((decision) => (decision.acquired ? [decision.slot] : []));
    expect(granted).toHaveLength(3);
    const order: number[] = [];
    const waits: Array<Promise<void>> = [];
    for (const index of [0, 1, 2]) {
      waits.push(
        instances[index % 2]!.acquire({ key: 'k', limit: 3, timeoutMs: 5000 }).then((decision) => {
          if (!decision.acquired) throw new Error('timed out');
          order.push(index);
        }),
      );
      await untilWaiting(instances[0]!, 'k', index + 1);
    }
    for (const slot of granted) {
      slot.release();
      await sleep(60);
    }
    await Promise.all(waits);
    expect(order).toEqual([0, 1, 2]);
    await Promise.all(instances.map((instance) => instance.close()));
  });

  it('lets a slot of a crashed instance expire, but keeps a live holder\'s slot refreshed', async () => {
    const prefix = freshPrefix();
    const crashed = createRedisConcurrencyLimiter({ redis: connect(), keyPrefix: prefix, slotTtlMs: 300 });
    const alive = createRedisConcurrencyLimiter({ redis: connect(), keyPrefix: prefix, slotTtlMs: 300 });
    await held(crashed, 'dead', 1);
    await crashed.close(); // stops refreshing, as a killed process would
    await held(alive, 'live', 1);
    await sleep(700);
    expect((await alive.acquire({ key: 'dead', limit: 1, timeoutMs: 0 })).acquired).toBe(true);
    expect((await alive.acquire({ key: 'live', limit: 1, timeoutMs: 0 })).acquired).toBe(false);
    await alive.close();
  });
});
warnSkipped('the Redis concurrency limiter tests', 'REDIS_URL');
