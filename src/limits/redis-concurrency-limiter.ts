import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { abortReason, type ConcurrencyLimiter, type ConcurrencySlot } from './concurrency-limiter.js';

/**
 * KEYS: slots (zset ticket → expiry), queue (zset ticket → arrival number), alive (zset ticket → expiry
 * of a waiter that stopped polling), sequence (counter). ARGV: now, limit, ticket, slot ttl, waiter ttl,
 * may wait (1/0). Drops expired slots and waiters, then grants a slot when fewer than `limit - active`
 * callers are ahead of this one. Returns 0 when granted, -1 when refused without waiting, else the
 * 1-based place in the queue.
 */
const acquireScript = `
local now = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local ticket = ARGV[3]
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local gone = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)
for _, dead in ipairs(gone) do
  redis.call('ZREM', KEYS[2], dead)
  redis.call('ZREM', KEYS[3], dead)
end
local active = redis.call('ZCARD', KEYS[1])
local rank = redis.call('ZRANK', KEYS[2], ticket)
local ahead = rank
if not rank then ahead = redis.call('ZCARD', KEYS[2]) end
local keep = tonumber(ARGV[4]) * 2
if ahead < limit - active then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ticket)
  redis.call('ZREM', KEYS[2], ticket)
  redis.call('ZREM', KEYS[3], ticket)
  for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], keep) end
  return 0
end
if not rank then
  if ARGV[6] == '0' then return -1 end
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[4]), ticket)
  redis.call('PEXPIRE', KEYS[4], keep)
end
redis.call('ZADD', KEYS[3], now + tonumber(ARGV[5]), ticket)
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], keep) end
return ahead + 1
`;

/** KEYS: slots, queue, alive. ARGV: ticket. Gives up a slot or a place in the queue. */
const releaseScript = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[3], ARGV[1])
return 0
`;

type RedisWithScripts = Redis & {
  sluiceConcurrencyAcquire(...arguments_: Array<string | number>): Promise<number>;
  sluiceConcurrencyRelease(...arguments_: Array<string | number>): Promise<number>;
};

export interface RedisConcurrencyLimiterOptions {
  redis: Redis;
  keyPrefix?: string;
  now?: () => number;
  /** A held slot expires this long after its last refresh, so a crashed instance cannot hold it forever. */
  slotTtlMs?: number;
  /** How often a waiting caller asks again. */
  pollIntervalMs?: number;
}

/**
 * Shared limiter for several instances. Slots and a first-come queue per key live in Redis sorted sets,
 * changed only by Lua scripts; slots carry an expiry that this instance refreshes while it holds them.
 */
export function createRedisConcurrencyLimiter(options: RedisConcurrencyLimiterOptions): ConcurrencyLimiter {
  const now = options.now ?? Date.now;
  const prefix = options.keyPrefix ?? 'sluice:concurrency:';
  const slotTtlMs = options.slotTtlMs ?? 60_000;
  const pollIntervalMs = options.pollIntervalMs ?? 25;
  const waiterTtlMs = Math.max(1000, pollIntervalMs * 20);
  const redis = options.redis as RedisWithScripts;
  if (typeof redis.sluiceConcurrencyAcquire !== 'function') {
    redis.defineCommand('sluiceConcurrencyAcquire', { numberOfKeys: 4, lua: acquireScript });
    redis.defineCommand('sluiceConcurrencyRelease', { numberOfKeys: 3, lua: releaseScript });
  }
  const keysOf = (key: string) => [`${prefix}${key}:slots`, `${prefix}${key}:queue`, `${prefix}${key}:alive`, `${prefix}${key}:sequence`];
  const held = new Map<string, string>();
  let refresher: NodeJS.Timeout | undefined;

  const refresh = async () => {
    if (held.size === 0) return;
    const pipeline = redis.pipeline();
    const expiry = now() + slotTtlMs;
    for (const [ticket, slotsKey] of held) {
      pipeline.zadd(slotsKey, 'XX', expiry, ticket);
      pipeline.pexpire(slotsKey, slotTtlMs * 2);
    }
    await pipeline.exec();
  };
  const ensureRefresher = () => {
    if (refresher) return;
    refresher = setInterval(() => void refresh().catch(() => undefined), Math.max(100, Math.floor(slotTtlMs / 3)));
    refresher.unref();
  };
  const giveUp = (keys: string[], ticket: string) => redis.sluiceConcurrencyRelease(keys[0]!, keys[1]!, keys[2]!, ticket);

  return {
    async acquire({ key, limit, timeoutMs, signal, onWait }) {
      if (signal?.aborted) throw abortReason(signal);
      const keys = keysOf(key);
      const ticket = randomUUID();
      const startedAt = now();
      const attempt = (mayWait: boolean) =>
        redis.sluiceConcurrencyAcquire(...keys, now(), limit, ticket, slotTtlMs, waiterTtlMs, mayWait ? 1 : 0).then(Number);
      let place = await attempt(timeoutMs > 0);
      if (place > 0) onWait?.();
      while (place > 0) {
        const left = startedAt + timeoutMs - now();
        if (left <= 0 || signal?.aborted) {
          await giveUp(keys, ticket);
          if (signal?.aborted) throw abortReason(signal);
          return { acquired: false, waitedMs: now() - startedAt };
        }
        await new Promise((resolve) => setTimeout(resolve, Math.min(left, pollIntervalMs)));
        place = await attempt(true);
      }
      if (place < 0) return { acquired: false, waitedMs: 0 };
      held.set(ticket, keys[0]!);
      ensureRefresher();
      let released = false;
      const slot: ConcurrencySlot = {
        release() {
          if (released) return;
          released = true;
          held.delete(ticket);
          void giveUp(keys, ticket).catch(() => undefined);
        },
      };
      return { acquired: true, slot };
    },
    async usage(key) {
      const keys = keysOf(key);
      const at = now();
      const [active, waiting] = await Promise.all([redis.zcount(keys[0]!, at, '+inf'), redis.zcard(keys[1]!)]);
      return { active, waiting };
    },
    async close() {
      if (refresher) clearInterval(refresher);
      refresher = undefined;
    },
  };
}
