import type { AuthenticatedKey } from '../auth/authenticated-key.js';
import { RateLimitedError } from '../core/errors/rate-limited-error.js';
import type { ConcurrencyLimiter, ConcurrencySlot } from './concurrency-limiter.js';
import type { CancelSignal } from '../core/cancel-signal.js';

/** What a refused caller is told to wait before trying again. */
const retryAfterMs = 1000;

/**
 * Takes one of the key's `max_concurrency` slots, waiting in the key's queue up to its own queue
 * timeout or else the settings' one; then 429 with retry-after. Null when the key has no such limit.
 */
export async function acquireKeySlot(
  limiter: ConcurrencyLimiter,
  key: AuthenticatedKey,
  options: { defaultQueueTimeoutMs: number; signal?: CancelSignal; onWait?: () => void },
): Promise<ConcurrencySlot | null> {
  const limit = key.maxConcurrency;
  if (limit === null || limit === undefined) return null;
  const timeoutMs = key.queueTimeoutMs ?? options.defaultQueueTimeoutMs;
  const decision = await limiter.acquire({ key: `key:${key.id}`, limit, timeoutMs, signal: options.signal, onWait: options.onWait });
  if (decision.acquired) return decision.slot;
  const waited = decision.waitedMs > 0 ? ` after waiting ${(decision.waitedMs / 1000).toFixed(1)} s in its queue` : '';
  throw new RateLimitedError(`This API key already has ${limit} requests in flight (its max_concurrency)${waited}. Retry shortly.`, retryAfterMs);
}
