import { windowBounds, type RateLimiter } from './rate-limiter.js';

interface Counter {
  windowIndex: number;
  count: number;
  expiresAt: number;
}

/** Single-instance limiter. Counters live in a map swept of expired windows so it cannot grow without bound. */
export function createMemoryRateLimiter(options: { now?: () => number; maxCounters?: number } = {}): RateLimiter {
  const now = options.now ?? Date.now;
  const maxCounters = options.maxCounters ?? 100_000;
  const counters = new Map<string, Counter>();
  let lastSweep = 0;

  const sweep = (at: number) => {
    if (at - lastSweep < 10_000 && counters.size < maxCounters) return;
    lastSweep = at;
    for (const [key, counter] of counters) if (counter.expiresAt <= at) counters.delete(key);
    while (counters.size >= maxCounters) {
      const oldest = counters.keys().next().value;
      if (oldest === undefined) break;
      counters.delete(oldest);
    }
  };

  return {
    async hit(rules) {
      const at = now();
      sweep(at);
      const current = rules.map((rule) => {
        const window = rule.windowAt?.(at) ?? windowBounds(at, rule.windowMs);
        const counterKey = `${rule.key}|${rule.windowMs}`;
        const counter = counters.get(counterKey);
        const count = counter && counter.windowIndex === window.index ? counter.count : 0;
        return { rule, window, counterKey, count };
      });
      const full = current.find((entry) => entry.count >= entry.rule.limit);
      if (full) return { allowed: false, rule: full.rule, retryAfterMs: full.window.endsAt - at };
      for (const entry of current) {
        counters.set(entry.counterKey, { windowIndex: entry.window.index, count: entry.count + 1, expiresAt: entry.window.endsAt });
      }
      return { allowed: true };
    },
    async close() {
      counters.clear();
    },
  };
}
