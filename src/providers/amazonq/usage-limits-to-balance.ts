import { z } from 'zod';
import type { Balance, BalanceOverage, BalancePart } from '../provider-adapter.js';

const amount = z.number().nullish().catch(undefined);
const text = z.string().nullish().catch(undefined);

const usageBreakdown = z.looseObject({
  resourceType: text,
  displayName: text,
  currentUsage: amount,
  currentUsageWithPrecision: amount,
  usageLimit: amount,
  usageLimitWithPrecision: amount,
  currentOverages: amount,
  currentOveragesWithPrecision: amount,
  overageCap: amount,
  overageCapWithPrecision: amount,
  overageRate: amount,
  overageCharges: amount,
  currency: text,
  nextDateReset: amount,
  freeTrialInfo: z
    .looseObject({
      freeTrialStatus: text,
      freeTrialExpiry: amount,
      currentUsage: amount,
      currentUsageWithPrecision: amount,
      usageLimit: amount,
      usageLimitWithPrecision: amount,
    })
    .nullish()
    .catch(undefined),
  bonuses: z
    .array(
      z.looseObject({
        bonusCode: text,
        displayName: text,
        status: text,
        currentUsage: amount,
        currentUsageWithPrecision: amount,
        usageLimit: amount,
        usageLimitWithPrecision: amount,
        expiresAt: amount,
      }),
    )
    .nullish()
    .catch(undefined),
});

/** GetUsageLimits response, read leniently (only what the balance needs). */
export const usageLimitsResponseSchema = z.looseObject({
  nextDateReset: amount,
  usageBreakdownList: z.array(usageBreakdown).nullish(),
  subscriptionInfo: z.looseObject({ subscriptionTitle: text, type: text, overageCapability: text }).nullish().catch(undefined),
  overageConfiguration: z.looseObject({ overageStatus: text }).nullish().catch(undefined),
  userInfo: z.looseObject({ email: text }).nullish().catch(undefined),
});

export type UsageLimitsResponse = z.infer<typeof usageLimitsResponseSchema>;

/** Epoch seconds or milliseconds → milliseconds. */
const toMilliseconds = (value: number | null | undefined): number | null =>
  value === null || value === undefined ? null : value < 10_000_000_000 ? value * 1000 : value;

/**
 * Credits left: the base allowance plus an active free trial plus active bonuses, minus what each
 * has used (the formula of kiro.rs and kiro2api), each part listed in `breakdown`. Prefers the CREDIT
 * breakdown, else the first one. Overage (§8.7): when it is enabled the account keeps working past
 * its limit up to the cap, so it only counts as exhausted when nothing is left and overage is off
 * (or its cap is reached).
 */
export function usageLimitsToBalance(response: UsageLimitsResponse, checkedAt: number): Balance {
  const list = response.usageBreakdownList ?? [];
  const breakdown = list.find((item) => item.resourceType === 'CREDIT') ?? list[0];
  const parts: BalancePart[] = [];
  if (breakdown) {
    parts.push({
      kind: 'base',
      label: breakdown.displayName ?? 'Base',
      used: breakdown.currentUsageWithPrecision ?? breakdown.currentUsage ?? 0,
      limit: breakdown.usageLimitWithPrecision ?? breakdown.usageLimit ?? 0,
    });
    const trial = breakdown.freeTrialInfo;
    if (trial?.freeTrialStatus === 'ACTIVE') {
      parts.push({
        kind: 'free_trial',
        label: 'Free trial',
        used: trial.currentUsageWithPrecision ?? trial.currentUsage ?? 0,
        limit: trial.usageLimitWithPrecision ?? trial.usageLimit ?? 0,
        expiresAt: toMilliseconds(trial.freeTrialExpiry),
      });
    }
    for (const bonus of breakdown.bonuses ?? []) {
      if (bonus.status !== 'ACTIVE') continue;
      parts.push({
        kind: 'bonus',
        label: bonus.displayName ?? bonus.bonusCode ?? 'Bonus',
        used: bonus.currentUsageWithPrecision ?? bonus.currentUsage ?? 0,
        limit: bonus.usageLimitWithPrecision ?? bonus.usageLimit ?? 0,
        expiresAt: toMilliseconds(bonus.expiresAt),
      });
    }
  }
  const limit = parts.reduce((sum, part) => sum + part.limit, 0);
  const used = parts.reduce((sum, part) => sum + part.used, 0);
  const overage = breakdown ? overageOf(response, breakdown) : undefined;
  const remaining = breakdown ? round(Math.max(0, limit - used)) : null;
  const overageLeft = overage?.enabled === true && (overage.cap === null || overage.used < overage.cap);
  const title = response.subscriptionInfo?.subscriptionTitle ?? response.subscriptionInfo?.type ?? null;
  return {
    remaining,
    limit: breakdown ? round(limit) : null,
    used: breakdown ? round(used) : null,
    unit: 'credits',
    resetAt: toMilliseconds(breakdown?.nextDateReset ?? response.nextDateReset),
    plan: title ? title.replace(/^KIRO\s+/i, '') : null,
    email: response.userInfo?.email ?? null,
    source: 'upstream',
    checkedAt,
    ...(parts.length > 0 ? { breakdown: parts.map((part) => ({ ...part, used: round(part.used), limit: round(part.limit) })) } : {}),
    ...(overage ? { overage } : {}),
    ...(remaining !== null ? { exhausted: remaining <= 0 && !overageLeft } : {}),
  };
}

function overageOf(response: UsageLimitsResponse, breakdown: z.infer<typeof usageBreakdown>): BalanceOverage | undefined {
  const status = response.overageConfiguration?.overageStatus;
  const capability = response.subscriptionInfo?.overageCapability;
  if (!status && !capability) return undefined;
  const cap = breakdown.overageCapWithPrecision ?? breakdown.overageCap ?? null;
  return {
    enabled: status === 'ENABLED',
    used: round(breakdown.currentOveragesWithPrecision ?? breakdown.currentOverages ?? 0),
    cap: cap === null || cap <= 0 ? null : round(cap),
    rate: breakdown.overageRate ?? null,
    charges: breakdown.overageCharges ?? null,
    currency: breakdown.currency ?? null,
  };
}

const round = (value: number): number => Math.round(value * 10_000) / 10_000;
