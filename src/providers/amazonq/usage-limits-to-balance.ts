import { z } from 'zod';
import type { Balance } from '../provider-adapter.js';

const amount = z.number().nullish();

const usageBreakdown = z.looseObject({
  resourceType: z.string().nullish(),
  currentUsage: amount,
  currentUsageWithPrecision: amount,
  usageLimit: amount,
  usageLimitWithPrecision: amount,
  nextDateReset: amount,
  freeTrialInfo: z
    .looseObject({
      freeTrialStatus: z.string().nullish(),
      currentUsage: amount,
      currentUsageWithPrecision: amount,
      usageLimit: amount,
      usageLimitWithPrecision: amount,
    })
    .nullish(),
  bonuses: z
    .array(z.looseObject({ status: z.string().nullish(), currentUsage: amount, usageLimit: amount, expiresAt: amount }))
    .nullish(),
});

/** GetUsageLimits response, read leniently (only what the balance needs). */
export const usageLimitsResponseSchema = z.looseObject({
  nextDateReset: amount,
  usageBreakdownList: z.array(usageBreakdown).nullish(),
  subscriptionInfo: z.looseObject({ subscriptionTitle: z.string().nullish(), type: z.string().nullish() }).nullish(),
  userInfo: z.looseObject({ email: z.string().nullish() }).nullish(),
});

export type UsageLimitsResponse = z.infer<typeof usageLimitsResponseSchema>;

/** Epoch seconds or milliseconds → milliseconds. */
const toMilliseconds = (value: number | null | undefined): number | null =>
  value === null || value === undefined ? null : value < 10_000_000_000 ? value * 1000 : value;

/**
 * Credits left: the base allowance plus an active free trial plus active bonuses, minus what each
 * has used (the formula of kiro.rs and kiro2api). Prefers the CREDIT breakdown, else the first one.
 */
export function usageLimitsToBalance(response: UsageLimitsResponse, checkedAt: number): Balance {
  const list = response.usageBreakdownList ?? [];
  const breakdown = list.find((item) => item.resourceType === 'CREDIT') ?? list[0];
  let limit = breakdown ? (breakdown.usageLimitWithPrecision ?? breakdown.usageLimit ?? 0) : 0;
  let used = breakdown ? (breakdown.currentUsageWithPrecision ?? breakdown.currentUsage ?? 0) : 0;
  const trial = breakdown?.freeTrialInfo;
  if (trial?.freeTrialStatus === 'ACTIVE') {
    limit += trial.usageLimitWithPrecision ?? trial.usageLimit ?? 0;
    used += trial.currentUsageWithPrecision ?? trial.currentUsage ?? 0;
  }
  for (const bonus of breakdown?.bonuses ?? []) {
    if (bonus.status !== 'ACTIVE') continue;
    limit += bonus.usageLimit ?? 0;
    used += bonus.currentUsage ?? 0;
  }
  const title = response.subscriptionInfo?.subscriptionTitle ?? response.subscriptionInfo?.type ?? null;
  return {
    remaining: breakdown ? round(Math.max(0, limit - used)) : null,
    limit: breakdown ? round(limit) : null,
    used: breakdown ? round(used) : null,
    unit: 'credits',
    resetAt: toMilliseconds(breakdown?.nextDateReset ?? response.nextDateReset),
    plan: title ? title.replace(/^KIRO\s+/i, '') : null,
    email: response.userInfo?.email ?? null,
    source: 'upstream',
    checkedAt,
  };
}

const round = (value: number): number => Math.round(value * 10_000) / 10_000;
