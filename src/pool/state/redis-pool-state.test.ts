import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { poolStateContract } from './pool-state-contract.js';
import { RedisPoolState } from './redis-pool-state.js';
import { RedisScript } from './redis-script.js';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.warn('REDIS_URL is not set: skipping the Redis pool state tests.');

describe.skipIf(!redisUrl)('RedisPoolState', () => {
  const redis = new Redis(redisUrl ?? 'redis://127.0.0.1:6379', { lazyConnect: true, maxRetriesPerRequest: 1 });
  const prefixes: string[] = [];
  const createState = (): RedisPoolState => {
    const keyPrefix = `sluice-test:${randomUUID()}:`;
    prefixes.push(keyPrefix);
    return new RedisPoolState(redis, { keyPrefix });
  };

  afterAll(async () => {
    for (const prefix of prefixes) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    await redis.quit();
  });

  poolStateContract(createState);

  it('runs a script the server has never seen (NOSCRIPT falls back to EVAL, then EVALSHA works)', async () => {
    const script = new RedisScript(`-- ${randomUUID()}\nreturn tonumber(ARGV[1]) + 1`);
    expect(await script.run(redis, [], [41])).toBe(42);
    expect(await script.run(redis, [], [1])).toBe(2);
  });

  it('lets failure counts expire', async () => {
    const keyPrefix = `sluice-test:${randomUUID()}:`;
    prefixes.push(keyPrefix);
    const state = new RedisPoolState(redis, { keyPrefix, failureTtlMs: 50 });
    await state.recordFailure('y');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await state.recordFailure('y')).toBe(1);
  });
});
