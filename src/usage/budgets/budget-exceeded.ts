import { BudgetExceededError } from '../../core/errors/budget-exceeded-error.js';
import { nextDayStartIn, nextMonthStartIn } from '../../core/day-boundary.js';
import { budgetNames, type BudgetName, type KeyBudgets } from './key-budgets.js';

/** Spend per period as budgets compare it (reservations included). */
export interface PeriodSpend {
  dayTokens: number;
  dayCost: number;
  monthTokens: number;
  monthCost: number;
  totalTokens: number;
  totalCost: number;
}

export interface SpentBudget {
  budget: BudgetName;
  limit: number;
  used: number;
}

const budgetLabels: Record<BudgetName, string> = {
  daily_tokens: 'daily token',
  monthly_tokens: 'monthly token',
  total_tokens: 'total token',
  daily_cost: 'daily cost',
  monthly_cost: 'monthly cost',
  total_cost: 'total cost',
};

/** The first budget whose spend has reached its limit, or null. */
export function findSpentBudget(budgets: KeyBudgets, spend: PeriodSpend): SpentBudget | null {
  for (const { name, period, unit } of budgetNames) {
    const limit = budgets[name];
    if (limit === null || limit === undefined) continue;
    const used =
      period === 'day' ? (unit === 'tokens' ? spend.dayTokens : spend.dayCost)
      : period === 'month' ? (unit === 'tokens' ? spend.monthTokens : spend.monthCost)
      : unit === 'tokens' ? spend.totalTokens : spend.totalCost;
    // Costs are sums of floats: $0.1 ten times is $0.9999999999, which has spent a $1 budget.
    if (used >= limit - 1e-9) return { budget: name, limit, used };
  }
  return null;
}

export const hasBudgets = (budgets: KeyBudgets | null | undefined): budgets is KeyBudgets =>
  Boolean(budgets) && budgetNames.some(({ name }) => budgets![name] !== null && budgets![name] !== undefined);

/** When the budget's period ends in the zone where days begin (null for totals, which never reset). */
export function budgetPeriodEnd(budget: BudgetName, now: number, timeZone = 'UTC'): number | null {
  const period = budgetNames.find((entry) => entry.name === budget)?.period;
  if (period === 'day') return nextDayStartIn(timeZone, now);
  if (period === 'month') return nextMonthStartIn(timeZone, now);
  return null;
}

/** The client's error: which budget, how much of it, and when it resets (as retry-after). */
export function budgetExceededError(spent: SpentBudget, now: number, timeZone = 'UTC'): BudgetExceededError {
  const label = budgetLabels[spent.budget];
  const amount = (value: number) => (spent.budget.endsWith('cost') ? `$${value.toFixed(4)}` : `${Math.round(value)} tokens`);
  const resetsAt = budgetPeriodEnd(spent.budget, now, timeZone);
  return new BudgetExceededError(
    `The ${label} budget of this API key is used up (${amount(spent.used)} of ${amount(spent.limit)}).` +
      (resetsAt === null ? ' Ask an administrator to raise it.' : ` It resets at ${new Date(resetsAt).toISOString()}.`),
    resetsAt === null ? undefined : Math.max(0, resetsAt - now),
  );
}
