import { describe, expect, it } from 'vitest';
import { SlidingCount } from './sliding-count.js';

describe('SlidingCount', () => {
  it('sums what was added within the window that ends now, and forgets the rest', () => {
    const count = new SlidingCount(10_000);
    count.add(1_000, 5);
    count.add(4_000, 7);
    expect(count.total(4_000)).toBe(12);
    expect(count.total(10_999)).toBe(12);
    expect(count.total(11_000)).toBe(7);
    expect(count.total(14_000)).toBe(0);
    count.add(20_000, 3);
    expect(count.total(20_000)).toBe(3);
  });
});
