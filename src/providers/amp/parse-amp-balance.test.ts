import { describe, expect, it } from 'vitest';
import { parseAmpBalance } from './parse-amp-balance.js';

const now = 1_700_000_000_000;

describe('parseAmpBalance', () => {
  it.each([
    {
      name: 'old Amp Free with dollars and individual credits',
      text: 'Signed in as dev@example.com (Acme)\nAmp Free: $7.42/$10 remaining (replenishes +$0.42/hour) - https://ampcode.com/settings#amp-free\nIndividual credits: $1,234.50 remaining - https://ampcode.com/settings',
      expected: { remaining: 1241.92, limit: 10, unit: 'USD', plan: 'Amp Free', email: 'dev@example.com' },
    },
    {
      name: 'newer Amp Free as a percentage, with ANSI codes and bold',
      text: '\u001b[1mSigned in as a@b.co\u001b[0m\n**Amp Free**: 67% remaining today (resets daily)',
      expected: { remaining: 67, limit: 100, unit: 'percent', plan: 'Amp Free', email: 'a@b.co' },
    },
    {
      name: 'individual credits only',
      text: 'Signed in as x@y.dev\nIndividual credits: $20 remaining - https://ampcode.com/settings',
      expected: { remaining: 20, limit: null, unit: 'USD', plan: 'Individual credits', email: 'x@y.dev' },
    },
    {
      name: 'workspaces',
      text: 'Workspace Acme Corp: $150.25 remaining\nWorkspace Side: $4.75 remaining',
      expected: { remaining: 155, limit: null, unit: 'USD', plan: 'Workspace Acme Corp', email: null },
    },
    {
      name: 'paid tier',
      text: 'Amp Pro Tier: agent usage $42.10 of $100 remaining, orb usage 3h of 10h a1.small orb hours remaining [period 2026-01-01 to 2026-02-01] resets upon renewal in 12 days',
      expected: { remaining: 42.1, limit: 100, unit: 'USD', plan: 'Amp Pro Tier', email: null },
    },
    {
      name: 'legacy subscription',
      text: 'Subscription Team: 80% other usage and 50% orb usage remaining - resets upon renewal in 3 days',
      expected: { remaining: 80, limit: 100, unit: 'percent', plan: 'Subscription Team', email: null },
    },
    {
      name: 'unknown text',
      text: 'Something new entirely',
      expected: { remaining: null, limit: null, unit: 'USD', plan: null, email: null },
    },
  ])('$name', ({ text, expected }) => {
    const balance = parseAmpBalance(text, now);
    expect(balance).toMatchObject({ ...expected, source: 'upstream', checkedAt: now });
    expect(balance.raw).not.toContain('\u001b');
    expect(balance.raw).not.toContain('**');
  });
});
