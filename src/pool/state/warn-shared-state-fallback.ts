import type { Logger } from 'pino';

/** Logs the pool's fallback to local state at most once per 10 s while Redis stays unreachable. */
export function warnSharedStateFallback(logger: Logger, everyMs = 10_000): (operation: string, error: unknown) => void {
  let lastWarnedAt = 0;
  let calls = 0;
  return (operation, error) => {
    calls += 1;
    const now = Date.now();
    if (now - lastWarnedAt < everyMs) return;
    lastWarnedAt = now;
    logger.warn({ operation, calls, err: error instanceof Error ? error.message : String(error) }, 'pool state unavailable (Redis unreachable): using this instance\'s local state');
    calls = 0;
  };
}
