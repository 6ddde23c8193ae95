import type { Redis } from 'ioredis';
import { FallbackPoolState } from './fallback-pool-state.js';
import { MemoryPoolState } from './memory-pool-state.js';
import type { PoolState } from './pool-state.js';
import { RedisPoolState } from './redis-pool-state.js';

/**
 * Shared state in Redis when a client is given (several instances), falling back to this process's
 * memory while Redis cannot answer (`onFallback` is told); otherwise in this process.
 */
export function createPoolState(
  redis: Redis | undefined,
  options: { keyPrefix?: string; onFallback?: (operation: string, error: unknown) => void } = {},
): PoolState {
  return redis ? new FallbackPoolState(new RedisPoolState(redis, options), new MemoryPoolState(), options.onFallback, () => redis.status === 'ready') : new MemoryPoolState();
}
