import { describe, expect, it } from 'vitest';
import { defaultFakeUsageLimits } from '../../../tests/fakes/amazonq-fake-scenarios.js';
import { usageLimitsResponseSchema, usageLimitsToBalance } from './usage-limits-to-balance.js';

const parse = (value: unknown) => usageLimitsResponseSchema.parse(value);

describe('usageLimitsToBalance', () => {
  it('adds the active free trial and active bonuses to the base allowance, and lists each part', () => {
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
      exhausted: false,
      breakdown: [
        { kind: 'base', label: 'Credit', used: 12.5, limit: 50 },
        { kind: 'free_trial', label: 'Free trial', used: 100, limit: 500, expiresAt: 1767225600000 },
        { kind: 'bonus', label: 'Welcome', used: 10, limit: 100, expiresAt: 1767225600000 },
      ],
    });
  });

  it('ignores an expired free trial, accepts millisecond timestamps and marks a spent account exhausted', () => {
    const balance = usageLimitsToBalance(
      parse({
        usageBreakdownList: [
          { resourceType: 'CREDIT', currentUsage: 60, usageLimit: 50, nextDateReset: 1767225600000, freeTrialInfo: { freeTrialStatus: 'EXPIRED', usageLimit: 500 } },
        ],
        subscriptionInfo: { subscriptionTitle: 'KIRO PRO' },
      }),
      0,
    );
    expect(balance).toMatchObject({ remaining: 0, limit: 50, used: 60, resetAt: 1767225600000, plan: 'PRO', email: null, exhausted: true });
  });

  it('keeps a spent account with overage enabled (below its cap) usable and reports the overage', () => {
    const response = {
      usageBreakdownList: [
        {
          resourceType: 'CREDIT',
          currentUsageWithPrecision: 10_000,
          usageLimitWithPrecision: 10_000,
          currentOveragesWithPrecision: 12.5,
          overageCapWithPrecision: 100,
          overageRate: 0.04,
          overageCharges: 0.5,
          currency: 'USD',
          nextDateReset: 1767225600,
        },
      ],
      subscriptionInfo: { subscriptionTitle: 'KIRO POWER', overageCapability: 'OVERAGE_CAPABLE' },
      overageConfiguration: { overageStatus: 'ENABLED' },
    };
    const balance = usageLimitsToBalance(parse(response), 0);
    expect(balance).toMatchObject({ remaining: 0, exhausted: false, overage: { enabled: true, used: 12.5, cap: 100, rate: 0.04, charges: 0.5, currency: 'USD' } });
    response.usageBreakdownList[0]!.currentOveragesWithPrecision = 100;
    expect(usageLimitsToBalance(parse(response), 0).exhausted).toBe(true);
    response.overageConfiguration.overageStatus = 'DISABLED';
    response.usageBreakdownList[0]!.currentOveragesWithPrecision = 0;
    expect(usageLimitsToBalance(parse(response), 0)).toMatchObject({ exhausted: true, overage: { enabled: false } });
  });

  it('reports unknown remaining when there is no breakdown', () => {
    expect(usageLimitsToBalance(parse({}), 0)).toMatchObject({ remaining: null, limit: null, used: null, resetAt: null });
  });
});
