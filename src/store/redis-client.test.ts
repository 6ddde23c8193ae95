import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisUrl, warnSkipped } from '../../tests/support/test-environment.js';
import { createRedisClient } from './redis-client.js';

warnSkipped('the Redis client tests', 'REDIS_URL');

describe.skipIf(!redisUrl)('createRedisClient', () => {
  let redis: Redis;
  const prefix = `sluice-test:client:${randomUUID()}:`;

  beforeAll(async () => {
    redis = await createRedisClient(redisUrl!);
    await redis.ping();
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  /** Counts the writes the client makes on its socket while `run` goes. */
  async function countWrites<T>(run: () => Promise<T>): Promise<{ writes: number; result: T }> {
    const socket = (redis as unknown as { stream: { write: (...arguments_: unknown[]) => boolean } }).stream;
    const write = socket.write;
    let writes = 0;
    socket.write = function (this: unknown, ...arguments_: unknown[]) {
      writes += 1;
      return write.apply(this, arguments_);
    };
    try {
      return { result: await run(), writes };
    } finally {
      socket.write = write;
    }
  }

  it('sends the commands of one turn of the event loop in one write, each with its own answer', async () => {
    await redis.hset(`${prefix}hash`, 'field', '1');
    const { writes, result } = await countWrites(() =>
      Promise.allSettled([
        ...Array.from({ length: 10 }, () => redis.incr(`${prefix}counter`)),
        // A command that fails fails alone.
        redis.incr(`${prefix}hash`),
        redis.eval('return ARGV[1]', 0, 'scripted'),
      ]),
    );
    expect(writes).toBe(1);
    expect(result.slice(0, 10).map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : outcome.reason))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result[10]).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: expect.stringContaining('WRONGTYPE') }) });
    expect(result[11]).toEqual({ status: 'fulfilled', value: 'scripted' });
  });
});
