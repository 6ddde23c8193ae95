import { describe, expect, it } from 'vitest';
import { defaultFakeUsageLimits } from '../../../tests/fakes/amazonq-fake-scenarios.js';
import { usageLimitsResponseSchema, usageLimitsToBalance } from './usage-limits-to-balance.js';

const parse = (value: unknown) => usageLimitsResponseSchema.parse(value);

describe('usageLimitsToBalance', () => {
  it('adds the active free trial and active bonuses to the base allowance', () => {
    expect(usageLimitsToBalance(parse(defaultFakeUsageLimits), 5)).toEqual({
      remaining: 527.5,
      limit: 650,
      used: 122.5,
      unit: 'credits',
      resetAt: 1767225600000,
      plan: 'FREE',
      email: 'someone@example.com',
      source: 'upstream',
      checkedAt: 5,
    });
  });

  it('ignores an expired free trial and accepts millisecond timestamps', () => {
    const balance = usageLimitsToBalance(
      parse({
        usageBreakdownList: [
          { resourceType: 'CREDIT', currentUsage: 60, usageLimit: 50, nextDateReset: 1767225600000, freeTrialInfo: { freeTrialStatus: 'EXPIRED', usageLimit: 500 } },
        ],
        subscriptionInfo: { subscriptionTitle: 'KIRO PRO' },
      }),
      0,
    );
    expect(balance).toMatchObject({ remaining: 0, limit: 50, used: 60, resetAt: 1767225600000, plan: 'PRO', email: null });
  });

  it('reports unknown remaining when there is no breakdown', () => {
    expect(usageLimitsToBalance(parse({}), 0)).toMatchObject({ remaining: null, limit: null, used: null, resetAt: null });
  });
});
