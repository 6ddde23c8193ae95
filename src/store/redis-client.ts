import type { Redis } from 'ioredis';

/** A Redis command that gets no answer in this time fails (and the caller falls back) instead of waiting out an outage. */
const redisCommandTimeoutMs = 2_000;

/**
 * The connection to Redis for shared state (pool slots, key limits, budgets, the change bus). ioredis is
 * loaded only here, when configured: an instance without Redis does not carry the client in memory.
 *
 * Commands that concurrent requests send in one turn of the event loop go out together, in one write
 * (ioredis auto-pipelining): each request makes several script calls, and one write and one reply each cost
 * more than the script. The commands keep their order and each gets its own answer or error.
 */
export async function createRedisClient(url: string): Promise<Redis> {
  const { Redis } = await import('ioredis');
  return new Redis(url, { maxRetriesPerRequest: 2, lazyConnect: false, commandTimeout: redisCommandTimeoutMs, enableAutoPipelining: true });
}
