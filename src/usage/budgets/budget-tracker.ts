import { budgetExceededError, findSpentBudget, type PeriodSpend } from './budget-exceeded.js';
import type { BudgetReservation, SpendAmount } from './budget-reservation.js';
import { dayStartIn, monthStartIn } from '../../core/day-boundary.js';
import { budgetNames, type BudgetName, type BudgetPeriod, type KeyBudgets } from './key-budgets.js';

/** One key's spend in the current UTC day and month and in total. */
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

/**
 * In-memory per-key spend for budget checks without a database read per request. Seeded (and refreshed)
 * from the database, incremented on every recorded request. Several instances each see their own
 * increments plus the shared totals as of the last refresh, so limits are approximate between refreshes
 * (with Redis, the shared ledger holds the limits exactly; see redis-budget-ledger.ts). Admitted
 * requests hold an estimate until they finish, so that concurrent requests cannot all pass a budget
 * that covers only a few of them: at most one request's estimate goes over.
 */
export class BudgetTracker {
  private readonly spend = new Map<string, KeySpend>();
  private readonly reserved = new Map<string, SpendAmount & { count: number }>();
  private readonly budgetsByKey = new Map<string, KeyBudgets>();
  private readonly notified = new Set<string>();
  private readonly now: () => number;

  constructor(private readonly options: BudgetTrackerOptions = {}) {
    this.now = options.now ?? Date.now;
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

  /** Throws BudgetExceededError when any of the key's budgets is used up (held estimates included). */
  check(apiKeyId: string, budgets: KeyBudgets | null | undefined): void {
    if (!budgets) return;
    this.remember(apiKeyId, budgets);
    const spent = this.findSpent(apiKeyId, budgets, this.withReserved(apiKeyId, this.current(apiKeyId)));
    if (spent) throw budgetExceededError(spent, this.now(), this.options.timeZone?.() ?? 'UTC');
  }

  /**
   * Checks, then holds `estimate` against the key until the reservation is settled. The real spend is
   * added separately (`add`, for every recorded request), so settling only drops the estimate.
   */
  reserve(apiKeyId: string, budgets: KeyBudgets | null | undefined, estimate: SpendAmount): BudgetReservation {
    this.check(apiKeyId, budgets);
    const held = this.reserved.get(apiKeyId) ?? { tokens: 0, cost: 0, count: 0 };
    held.tokens += estimate.tokens;
    held.cost += estimate.cost;
    held.count += 1;
    this.reserved.set(apiKeyId, held);
    let settled = false;
    return {
      settle: () => {
        if (settled) return;
        settled = true;
        held.count -= 1;
        held.tokens -= estimate.tokens;
        held.cost -= estimate.cost;
        if (held.count <= 0) this.reserved.delete(apiKeyId);
      },
    };
  }

  /** Keeps the key's budgets (bounded) so that its spend is checked and seeded. */
  remember(apiKeyId: string, budgets: KeyBudgets): void {
    if (this.budgetsByKey.size < maxNotified || this.budgetsByKey.has(apiKeyId)) this.budgetsByKey.set(apiKeyId, budgets);
  }

  /** Notes a budget found spent elsewhere (the shared ledger), notifying once per period. */
  noteReached(apiKeyId: string, budget: BudgetName, limit: number, used: number): void {
    const period = budgetNames.find((entry) => entry.name === budget)?.period ?? 'total';
    this.notifyOnce({ apiKeyId, budget, limit, used, periodStart: this.periodStart(period, this.current(apiKeyId)) });
  }

  /** The keys seen with budgets on this instance and their budgets (bounded). */
  knownBudgets(): ReadonlyMap<string, KeyBudgets> {
    return this.budgetsByKey;
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
    const zone = this.options.timeZone?.() ?? 'UTC';
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

  private withReserved(apiKeyId: string, spend: KeySpend): PeriodSpend {
    const held = this.reserved.get(apiKeyId);
    if (!held) return spend;
    return {
      dayTokens: spend.dayTokens + held.tokens,
      dayCost: spend.dayCost + held.cost,
      monthTokens: spend.monthTokens + held.tokens,
      monthCost: spend.monthCost + held.cost,
      totalTokens: spend.totalTokens + held.tokens,
      totalCost: spend.totalCost + held.cost,
    };
  }

  private findSpent(apiKeyId: string, budgets: KeyBudgets, spend: PeriodSpend): BudgetReached | null {
    const spent = findSpentBudget(budgets, spend);
    if (!spent) return null;
    const period = budgetNames.find((entry) => entry.name === spent.budget)?.period ?? 'total';
    const reached: BudgetReached = { apiKeyId, ...spent, periodStart: this.periodStart(period, this.current(apiKeyId)) };
    this.notifyOnce(reached);
    return reached;
  }

  private notifyOnce(reached: BudgetReached): void {
    const marker = `${reached.apiKeyId}\u0000${reached.budget}\u0000${reached.periodStart ?? 'total'}`;
    if (this.notified.has(marker)) return;
    if (this.notified.size >= maxNotified) this.notified.clear();
    this.notified.add(marker);
    this.options.onBudgetReached?.(reached);
  }
}
