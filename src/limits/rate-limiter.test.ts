import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { redisUrl, warnSkipped } from '../../tests/support/test-environment.js';
import { createMemoryRateLimiter } from './memory-rate-limiter.js';
import type { RateLimiter, RateLimitRule } from './rate-limiter.js';
import { createRedisRateLimiter } from './redis-rate-limiter.js';

type LimiterFactory = (now: () => number) => RateLimiter;

const minute = 60_000;
const perMinute = (limit: number): RateLimitRule => ({ key: 'k:rpm', limit, windowMs: minute, label: 'requests per minute' });
const perDay = (limit: number): RateLimitRule => ({ key: 'k:rpd', limit, windowMs: 24 * 60 * minute, label: 'requests per day' });

/** The same behaviour for every backend. */
function limiterContract(name: string, create: LimiterFactory) {
  describe(name, () => {
    it('allows up to the limit in a window, then refuses with the time until the window ends', async () => {
      let now = 10 * minute + 15_000;
      const limiter = create(() => now);
      for (let index = 0; index < 3; index += 1) expect(await limiter.hit([perMinute(3)])).toEqual({ allowed: true });
      const refused = await limiter.hit([perMinute(3)]);
      expect(refused).toMatchObject({ allowed: false, retryAfterMs: 45_000, rule: { label: 'requests per minute' } });
      now += 45_000;
      expect(await limiter.hit([perMinute(3)])).toEqual({ allowed: true });
    });

    it('counts a hit on every rule only when none is full', async () => {
      let now = 100 * minute;
      const limiter = create(() => now);
      expect(await limiter.hit([perMinute(2), perDay(3)])).toEqual({ allowed: true });
      expect(await limiter.hit([perMinute(2), perDay(3)])).toEqual({ allowed: true });
      expect(await limiter.hit([perMinute(2), perDay(3)])).toMatchObject({ allowed: false, rule: { label: 'requests per minute' } });
      now += minute;
      expect(await limiter.hit([perMinute(2), perDay(3)])).toEqual({ allowed: true });
      const daily = await limiter.hit([perMinute(2), perDay(3)]);
      expect(daily).toMatchObject({ allowed: false, rule: { label: 'requests per day' } });
      // The refused daily hit did not take a minute slot: a per-minute-only rule on the same key still has one.
      expect(await limiter.hit([perMinute(2)])).toEqual({ allowed: true });
    });

    it('keeps keys apart and allows rule-less hits', async () => {
      const limiter = create(() => 5 * minute);
      expect(await limiter.hit([{ ...perMinute(1), key: 'a' }])).toEqual({ allowed: true });
      expect(await limiter.hit([{ ...perMinute(1), key: 'b' }])).toEqual({ allowed: true });
      expect((await limiter.hit([{ ...perMinute(1), key: 'a' }])).allowed).toBe(false);
      expect(await limiter.hit([])).toEqual({ allowed: true });
    });
  });
}

limiterContract('memory rate limiter', (now) => createMemoryRateLimiter({ now }));

describe.skipIf(!redisUrl)('redis rate limiter', () => {
  const redis = redisUrl ? new Redis(redisUrl) : undefined;
  afterAll(async () => {
    await redis?.quit();
  });
  const fresh: LimiterFactory = (now) => createRedisRateLimiter({ redis: redis!, keyPrefix: `sluice-test-${randomBytes(6).toString('hex')}:`, now });
  limiterContract('contract', fresh);

  it('holds exactly under concurrency across instances sharing Redis', async () => {
    const prefix = `sluice-test-${randomBytes(6).toString('hex')}:`;
    const second = new Redis(redisUrl!);
    try {
      const now = () => 7 * minute;
      const limiters = [createRedisRateLimiter({ redis: redis!, keyPrefix: prefix, now }), createRedisRateLimiter({ redis: second, keyPrefix: prefix, now })];
      const decisions = await Promise.all(Array.from({ length: 50 }, (_, index) => limiters[index % 2]!.hit([perMinute(20)])));
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(20);
      const keys = await redis!.keys(`${prefix}*`);
      expect(keys).toHaveLength(1);
      expect(await redis!.pttl(keys[0]!)).toBeGreaterThan(0);
    } finally {
      await second.quit();
    }
  });
});
warnSkipped('the Redis rate limiter tests', 'REDIS_URL');
