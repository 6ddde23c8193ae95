import type { Redis } from 'ioredis';
import { windowBounds, type RateLimiter } from './rate-limiter.js';

/**
 * KEYS: one counter per rule (already suffixed with its window index). ARGV: limit and ttl-ms per rule.
 * Checks every counter first and increments them all only when none is full; returns the 1-based
 * index of the first full rule, or 0 when the hit was counted. Runs atomically inside Redis.
 */
const hitScript = `
for i = 1, #KEYS do
  local count = tonumber(redis.call('GET', KEYS[i]) or '0')
  if count >= tonumber(ARGV[2 * i - 1]) then
    return i
  end
end
for i = 1, #KEYS do
  local count = redis.call('INCR', KEYS[i])
  if count == 1 then
    redis.call('PEXPIRE', KEYS[i], ARGV[2 * i])
  end
end
return 0
`;

type RedisWithHit = Redis & { sluiceRateLimitHit(...arguments_: Array<string | number>): Promise<number> };

/** Shared limiter for several instances: fixed windows counted in Redis by one Lua script. */
export function createRedisRateLimiter(options: { redis: Redis; keyPrefix?: string; now?: () => number }): RateLimiter {
  const now = options.now ?? Date.now;
  const prefix = options.keyPrefix ?? 'sluice:limit:';
  const redis = options.redis as RedisWithHit;
  if (typeof redis.sluiceRateLimitHit !== 'function') redis.defineCommand('sluiceRateLimitHit', { lua: hitScript });

  return {
    async hit(rules) {
      if (rules.length === 0) return { allowed: true };
      const at = now();
      const windows = rules.map((rule) => rule.windowAt?.(at) ?? windowBounds(at, rule.windowMs));
      const keys = rules.map((rule, index) => `${prefix}${rule.key}:${rule.windowMs}:${windows[index]!.index}`);
      // Keep each counter a little past its window so clock skew between instances cannot reset it early.
      const argv = rules.flatMap((rule, index) => [rule.limit, windows[index]!.endsAt - at + 1000]);
      const blocked = Number(await redis.sluiceRateLimitHit(keys.length, ...keys, ...argv));
      if (blocked === 0) return { allowed: true };
      const rule = rules[blocked - 1]!;
      return { allowed: false, rule, retryAfterMs: windows[blocked - 1]!.endsAt - at };
    },
    async close() {},
  };
}
