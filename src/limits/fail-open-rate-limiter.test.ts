import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { failOpenRateLimiter } from './fail-open-rate-limiter.js';
import type { RateLimiter } from './rate-limiter.js';

describe('failOpenRateLimiter', () => {
  it('lets a request through and warns when the store fails, and passes decisions through otherwise', async () => {
    let failing = true;
    const inner: RateLimiter = {
      hit: async (rules) => {
        if (failing) throw new Error('Connection is closed.');
        return { allowed: false, rule: rules[0]!, retryAfterMs: 1000 };
      },
      close: async () => undefined,
    };
    const warnings: unknown[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void warnings.push(JSON.parse(line)) });
    let failedOpen = 0;
    const limiter = failOpenRateLimiter(inner, logger, { onFailOpen: () => (failedOpen += 1) });
    const rules = [{ key: 'k', limit: 1, windowMs: 60_000, label: 'requests per minute' }];
    expect(await limiter.hit(rules)).toEqual({ allowed: true });
    expect(await limiter.hit(rules)).toEqual({ allowed: true });
    expect(failedOpen).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ msg: expect.stringContaining('letting requests through') });
    failing = false;
    expect(await limiter.hit(rules)).toMatchObject({ allowed: false });
  });
});
