import type { Logger } from 'pino';
import type { RateLimiter } from './rate-limiter.js';

/** At most one warning per this many ms while the shared store stays unreachable. */
const warnEveryMs = 10_000;

/**
 * Per-key RPM/RPD fail open: when the shared store (Redis) cannot answer, the request is let
 * through and a warning is logged, rather than refusing every client for the length of an outage.
 * The trade (documented in the README): during an outage, request-rate limits are not enforced.
 */
export function failOpenRateLimiter(
  inner: RateLimiter,
  logger: Logger,
  options: { onFailOpen?: () => void; isAvailable?: () => boolean } = {},
): RateLimiter {
  let lastWarnedAt = 0;
  let skipped = 0;
  return {
    async hit(rules) {
      try {
        // Known to be disconnected: don't wait for a command to time out.
        if (options.isAvailable && !options.isAvailable()) throw new Error('the shared store is disconnected');
        return await inner.hit(rules);
      } catch (error) {
        skipped += 1;
        options.onFailOpen?.();
        const now = Date.now();
        if (now - lastWarnedAt >= warnEveryMs) {
          lastWarnedAt = now;
          logger.warn({ err: error instanceof Error ? error.message : String(error), skipped }, 'rate limits unavailable (shared store unreachable): letting requests through');
          skipped = 0;
        }
        return { allowed: true };
      }
    },
    close: () => inner.close(),
  };
}
