import type { Redis } from 'ioredis';
import { MemoryPoolState } from './memory-pool-state.js';
import type { PoolState } from './pool-state.js';
import { RedisPoolState } from './redis-pool-state.js';

/** Shared state in Redis when a client is given (several instances), otherwise in this process. */
export function createPoolState(redis: Redis | undefined, options: { keyPrefix?: string } = {}): PoolState {
  return redis ? new RedisPoolState(redis, options) : new MemoryPoolState();
}
