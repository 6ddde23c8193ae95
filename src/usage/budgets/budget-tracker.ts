import { BudgetExceededError } from '../../core/errors/budget-exceeded-error.js';
import { dayStartIn, monthStartIn, nextDayStartIn, nextMonthStartIn } from '../../core/day-boundary.js';
import { budgetNames, type BudgetName, type BudgetPeriod, type KeyBudgets } from './key-budgets.js';

/** One key's spend in the current local day and month (in the configured time zone) and in total. */
export interface KeySpend {
  dayStart: number;
  dayTokens: number;
  dayCost: number;
  monthStart: number;
  monthTokens: number;
  monthCost: number;
  totalTokens: number;
  totalCost: number;
}

export interface BudgetReached {
  apiKeyId: string;
  budget: BudgetName;
  limit: number;
  used: number;
  periodStart: number | null;
}

export interface BudgetTrackerOptions {
  now?: () => number;
  /** The IANA zone where days and months begin (the `timezone` setting); UTC when absent. */
  timeZone?: () => string;
  /** Called once per key, budget and period when a budget is first found spent. */
  onBudgetReached?: (reached: BudgetReached) => void;
}

const maxNotified = 10_000;

const budgetLabels: Record<BudgetName, string> = {
  daily_tokens: 'daily token',
  monthly_tokens: 'monthly token',
  total_tokens: 'total token',
  daily_cost: 'daily cost',
  monthly_cost: 'monthly cost',
  total_cost: 'total cost',
};

/**
 * In-memory per-key spend for budget checks without a database read per request. Seeded (and refreshed)
 * from the database, incremented on every recorded request. Several instances each see their own
 * increments plus the shared totals as of the last refresh, so limits are approximate between refreshes.
 */
export class BudgetTracker {
  private readonly spend = new Map<string, KeySpend>();
  private readonly budgetsByKey = new Map<string, KeyBudgets>();
  private readonly notified = new Set<string>();
  private readonly now: () => number;

  constructor(private readonly options: BudgetTrackerOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  private timeZone(): string {
    return this.options.timeZone?.() ?? 'UTC';
  }

  /** Adds a finished request's tokens (all kinds) and cost to its key. */
  add(apiKeyId: string, tokens: number, cost: number): void {
    const spend = this.current(apiKeyId);
    spend.dayTokens += tokens;
    spend.dayCost += cost;
    spend.monthTokens += tokens;
    spend.monthCost += cost;
    spend.totalTokens += tokens;
    spend.totalCost += cost;
    const budgets = this.budgetsByKey.get(apiKeyId);
    if (budgets) this.findSpent(apiKeyId, budgets, spend);
  }

  /** Throws BudgetExceededError when any of the key's budgets is used up. */
  check(apiKeyId: string, budgets: KeyBudgets | null | undefined): void {
    if (!budgets) return;
    if (this.budgetsByKey.size < maxNotified || this.budgetsByKey.has(apiKeyId)) this.budgetsByKey.set(apiKeyId, budgets);
    const spent = this.findSpent(apiKeyId, budgets, this.current(apiKeyId));
    if (!spent) return;
    const label = budgetLabels[spent.budget];
    const amount = (value: number) => (spent.budget.endsWith('cost') ? `$${value.toFixed(4)}` : `${Math.round(value)} tokens`);
    const resetsAt = this.periodEnd(spent.budget);
    throw new BudgetExceededError(
      `The ${label} budget of this API key is used up (${amount(spent.used)} of ${amount(spent.limit)}).` +
        (resetsAt === null ? ' Ask an administrator to raise it.' : ` It resets at ${new Date(resetsAt).toISOString()}.`),
      resetsAt === null ? undefined : Math.max(0, resetsAt - this.now()),
    );
  }

  /** Replaces what is known with database figures, keeping local figures that are higher (not yet stored). */
  seed(snapshot: ReadonlyMap<string, KeySpend>): void {
    for (const [apiKeyId, stored] of snapshot) {
      const local = this.current(apiKeyId);
      const sameDay = stored.dayStart === local.dayStart;
      const sameMonth = stored.monthStart === local.monthStart;
      this.spend.set(apiKeyId, {
        dayStart: local.dayStart,
        dayTokens: sameDay ? Math.max(local.dayTokens, stored.dayTokens) : local.dayTokens,
        dayCost: sameDay ? Math.max(local.dayCost, stored.dayCost) : local.dayCost,
        monthStart: local.monthStart,
        monthTokens: sameMonth ? Math.max(local.monthTokens, stored.monthTokens) : local.monthTokens,
        monthCost: sameMonth ? Math.max(local.monthCost, stored.monthCost) : local.monthCost,
        totalTokens: Math.max(local.totalTokens, stored.totalTokens),
        totalCost: Math.max(local.totalCost, stored.totalCost),
      });
    }
  }

  spendOf(apiKeyId: string): KeySpend {
    return { ...this.current(apiKeyId) };
  }

  private current(apiKeyId: string): KeySpend {
    const time = this.now();
    const zone = this.timeZone();
    const dayStart = dayStartIn(zone, time);
    const monthStart = monthStartIn(zone, time);
    let spend = this.spend.get(apiKeyId);
    if (!spend) {
      spend = { dayStart, dayTokens: 0, dayCost: 0, monthStart, monthTokens: 0, monthCost: 0, totalTokens: 0, totalCost: 0 };
      this.spend.set(apiKeyId, spend);
    }
    if (spend.dayStart !== dayStart) Object.assign(spend, { dayStart, dayTokens: 0, dayCost: 0 });
    if (spend.monthStart !== monthStart) Object.assign(spend, { monthStart, monthTokens: 0, monthCost: 0 });
    return spend;
  }

  private periodStart(period: BudgetPeriod, spend: KeySpend): number | null {
    switch (period) {
      case 'day':
        return spend.dayStart;
      case 'month':
        return spend.monthStart;
      case 'total':
        return null;
      default: {
        const unreachable: never = period;
        throw new Error(`Unknown budget period ${String(unreachable)}`);
      }
    }
  }

  private periodEnd(budget: BudgetName): number | null {
    const period = budgetNames.find((entry) => entry.name === budget)?.period;
    if (period === 'day') return nextDayStartIn(this.timeZone(), this.now());
    if (period === 'month') return nextMonthStartIn(this.timeZone(), this.now());
    return null;
  }

  private findSpent(apiKeyId: string, budgets: KeyBudgets, spend: KeySpend): BudgetReached | null {
    for (const { name, period, unit } of budgetNames) {
      const limit = budgets[name];
      if (limit === null || limit === undefined) continue;
      const used =
        period === 'day' ? (unit === 'tokens' ? spend.dayTokens : spend.dayCost)
        : period === 'month' ? (unit === 'tokens' ? spend.monthTokens : spend.monthCost)
        : unit === 'tokens' ? spend.totalTokens : spend.totalCost;
      if (used < limit) continue;
      const reached: BudgetReached = { apiKeyId, budget: name, limit, used, periodStart: this.periodStart(period, spend) };
      this.notifyOnce(reached);
      return reached;
    }
    return null;
  }

  private notifyOnce(reached: BudgetReached): void {
    const marker = `${reached.apiKeyId}\u0000${reached.budget}\u0000${reached.periodStart ?? 'total'}`;
    if (this.notified.has(marker)) return;
    if (this.notified.size >= maxNotified) this.notified.clear();
    this.notified.add(marker);
    this.options.onBudgetReached?.(reached);
  }
}
