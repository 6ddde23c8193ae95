import { describe, expect, it } from 'vitest';
import { timeOrderedUuid } from './time-ordered-id.js';

describe('timeOrderedUuid', () => {
  it('is a version 7 UUID whose first 48 bits are the time in milliseconds', () => {
    const at = Date.parse('2026-12-05T12:00:00.123Z');
    const id = timeOrderedUuid(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it('sorts by time across milliseconds, and is unique within one', () => {
    const ids = Array.from({ length: 1000 }, (_, index) => timeOrderedUuid(1_800_000_000_000 + Math.floor(index / 10)));
    const byMillisecond = ids.filter((_, index) => index % 10 === 0);
    expect([...byMillisecond].sort()).toEqual(byMillisecond);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
