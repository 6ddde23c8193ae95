import { describe, expect, it } from 'vitest';
import { countTextTokens } from './count-text-tokens.js';

describe('countTextTokens', () => {
  it('counts o200k_base tokens', () => {
    expect(countTextTokens('')).toBe(0);
    expect(countTextTokens('You are a helpful assistant.')).toBe(6);
  });

  it('gives the same answer for long texts from the cache, and is faster the second time', () => {
    const long = Array.from({ length: 4000 }, (_, index) => `line ${index}: const value${index} = compute(${index});`).join('\n');
    const started = performance.now();
    const first = countTextTokens(long);
    const firstMs = performance.now() - started;
    const again = performance.now();
    expect(countTextTokens(long)).toBe(first);
    const secondMs = performance.now() - again;
    expect(first).toBeGreaterThan(40_000);
    expect(secondMs).toBeLessThan(Math.max(firstMs / 2, 20));
  });
});
