import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './parse-retry-after.js';

const now = Date.parse('2026-01-01T00:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    { name: 'seconds', headers: { 'retry-after': '30' }, expected: 30_000 },
    { name: 'fractional seconds', headers: { 'retry-after': '1.5' }, expected: 1500 },
    { name: 'HTTP date', headers: { 'retry-after': 'Thu, 01 Jan 2026 00:01:00 GMT' }, expected: 60_000 },
    { name: 'date in the past', headers: { 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' }, expected: 0 },
    { name: 'retry-after-ms wins', headers: { 'retry-after-ms': '250', 'retry-after': '30' }, expected: 250 },
    {
      name: 'anthropic reset of the exhausted limit',
      headers: {
        'anthropic-ratelimit-requests-remaining': '0',
        'anthropic-ratelimit-requests-reset': '2026-01-01T00:00:20Z',
        'anthropic-ratelimit-tokens-remaining': '5000',
        'anthropic-ratelimit-tokens-reset': '2026-01-01T00:00:05Z',
      },
      expected: 20_000,
    },
    {
      name: 'openai durations, earliest when none is exhausted',
      headers: { 'x-ratelimit-reset-requests': '1s', 'x-ratelimit-reset-tokens': '6m0s', 'x-ratelimit-remaining-requests': '3' },
      expected: 1000,
    },
    { name: 'openai milliseconds', headers: { 'x-ratelimit-reset-tokens': '120ms' }, expected: 120 },
    { name: 'openai exhausted tokens', headers: { 'x-ratelimit-reset-tokens': '1m30s', 'x-ratelimit-remaining-tokens': '0', 'x-ratelimit-reset-requests': '2s' }, expected: 90_000 },
    { name: 'nothing', headers: {}, expected: undefined },
    { name: 'garbage', headers: { 'retry-after': 'soon' }, expected: undefined },
  ])('$name', ({ headers, expected }) => {
    expect(parseRetryAfter(headers, now)).toBe(expected);
  });
});
