import { describe, expect, it } from 'vitest';
import { computeCost } from './compute-cost.js';
import { resolveModelPrice } from './resolve-model-price.js';

const usage = (inputTokens: number, outputTokens: number, cacheReadTokens = 0, cacheWriteTokens = 0) => ({
  inputTokens,
  outputTokens,
  cacheReadTokens,
  cacheWriteTokens,
});

describe('resolveModelPrice', () => {
  it('finds Claude names in dash, dot, dated and Amazon Q forms', () => {
    for (const name of ['claude-sonnet-4-5', 'claude-sonnet-4.5', 'claude-sonnet-4-5-20250929', 'CLAUDE_SONNET_4_5_20250929_V1_0', 'anthropic/claude-sonnet-4.5']) {
      expect(resolveModelPrice(name).matched, name).toBe('claude-sonnet-4-5');
    }
    expect(resolveModelPrice('claude-opus-4-20250514').matched).toBe('claude-opus-4');
    expect(resolveModelPrice('claude-opus-4-1-20250805').matched).toBe('claude-opus-4-1');
    expect(resolveModelPrice('claude-3.5-sonnet').matched).toBe('claude-3-5-sonnet');
  });

  it('derives Claude cache prices from the input price', () => {
    expect(resolveModelPrice('claude-sonnet-4-5').price).toEqual({ input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75, cacheWrite1h: 6 });
  });

  it('prefers the longest prefix and respects word boundaries', () => {
    expect(resolveModelPrice('gpt-4o-mini-2024-07-18').matched).toBe('gpt-4o-mini');
    expect(resolveModelPrice('gpt-4o-2024-08-06').matched).toBe('gpt-4o');
    expect(resolveModelPrice('gpt-4.1-mini').matched).toBe('gpt-4-1-mini');
    expect(resolveModelPrice('gpt-5.2').matched).toBe('gpt-5-2');
    expect(resolveModelPrice('o4-mini').matched).toBe('o4-mini');
    expect(resolveModelPrice('o30').source).toBe('unknown');
  });

  it('flags unknown models with a zero price', () => {
    expect(resolveModelPrice('my-local-llama')).toEqual({ price: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, cacheWrite1h: 0 }, matched: null, source: 'unknown' });
  });

  it('lets settings override or add prices', () => {
    const overrides = { 'claude-sonnet-4.5': { input: 1, output: 2 }, 'my-local-llama': { input: 0.5, output: 0.5, cache_read: 0 } };
    expect(resolveModelPrice('claude-sonnet-4.5', overrides)).toMatchObject({ source: 'settings', price: { input: 1, output: 2, cacheWrite: 1.25 } });
    expect(resolveModelPrice('claude-sonnet-4-5-20250929', overrides)).toMatchObject({ source: 'settings', price: { input: 1 } });
    expect(resolveModelPrice('my-local-llama', overrides)).toMatchObject({ source: 'settings', price: { cacheRead: 0, cacheWrite: 0.5 } });
  });
});

describe('computeCost', () => {
  it('prices each token kind once', () => {
    // 1M uncached input at $3, 1M output at $15, 1M cache reads at $0.30, 1M cache writes at $3.75.
    expect(computeCost('claude-sonnet-4.5', usage(1_000_000, 1_000_000, 1_000_000, 1_000_000))).toBeCloseTo(22.05, 9);
    expect(computeCost('claude-sonnet-4-5', usage(1000, 500, 2000, 100))).toBe(0.011475);
    expect(computeCost('gpt-4o', usage(1000, 1000, 1000))).toBe(0.01375);
  });

  it('prices cache writes by time to live: 5-minute at 1.25× input, 1-hour at 2×, unless the table says', () => {
    // 1M writes: 600k with a 5-minute TTL at $3.75, 400k with a 1-hour TTL at $6 per million.
    const split = { ...usage(0, 0, 0, 1_000_000), cacheWrite5mTokens: 600_000, cacheWrite1hTokens: 400_000 };
    expect(computeCost('claude-sonnet-4-5', split)).toBeCloseTo(0.6 * 3.75 + 0.4 * 6, 9);
    expect(computeCost('claude-sonnet-4-5', usage(0, 0, 0, 1_000_000))).toBeCloseTo(3.75, 9);
    expect(computeCost('claude-sonnet-4-5', split, { 'claude-sonnet-4-5': { input: 3, output: 15, cache_write: 4, cache_write_1h: 5 } })).toBeCloseTo(0.6 * 4 + 0.4 * 5, 9);
  });

  it('is zero for unknown models', () => {
    expect(computeCost('nobody-knows', usage(1000, 1000))).toBe(0);
  });
});
