import { describe, expect, it } from 'vitest';
import { BudgetExceededError } from '../../core/errors/budget-exceeded-error.js';
import { BudgetTracker, type BudgetReached } from './budget-tracker.js';

describe('BudgetTracker', () => {
  it('refuses a key once a daily token budget is spent, notifies once, and resets the next UTC day', () => {
    let now = Date.UTC(2026, 10, 23, 12);
    const reached: BudgetReached[] = [];
    const tracker = new BudgetTracker({ now: () => now, onBudgetReached: (event) => reached.push(event) });
    const budgets = { daily_tokens: 1000, monthly_cost: null };

    tracker.check('key-1', budgets);
    tracker.add('key-1', 600, 0.01);
    tracker.check('key-1', budgets);
    tracker.add('key-1', 400, 0.01);
    expect(reached).toEqual([{ apiKeyId: 'key-1', budget: 'daily_tokens', limit: 1000, used: 1000, periodStart: Date.UTC(2026, 10, 23) }]);

    let thrown: unknown;
    try {
      tracker.check('key-1', budgets);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BudgetExceededError);
    expect((thrown as BudgetExceededError).message).toBe('The daily token budget of this API key is used up (1000 tokens of 1000 tokens). It resets at 2026-11-24T00:00:00.000Z.');
    expect((thrown as BudgetExceededError).retryAfterMs).toBe(12 * 3_600_000);
    expect(() => tracker.check('key-1', budgets)).toThrow(BudgetExceededError);
    expect(reached).toHaveLength(1);
    expect(() => tracker.check('key-2', budgets)).not.toThrow();

    now = Date.UTC(2026, 10, 24, 0, 1);
    expect(() => tracker.check('key-1', budgets)).not.toThrow();
    expect(tracker.spendOf('key-1')).toMatchObject({ dayTokens: 0, monthTokens: 1000, totalTokens: 1000 });
  });

  it('enforces cost budgets and total budgets without a reset time', () => {
    const tracker = new BudgetTracker({ now: () => Date.UTC(2026, 10, 23) });
    tracker.add('key-1', 10, 2.5);
    expect(() => tracker.check('key-1', { monthly_cost: 3 })).not.toThrow();
    expect(() => tracker.check('key-1', { total_cost: 2.5 })).toThrow('The total cost budget of this API key is used up ($2.5000 of $2.5000). Ask an administrator to raise it.');
  });

  it('takes the higher of stored and local spend when seeded', () => {
    const now = Date.UTC(2026, 10, 23, 5);
    const tracker = new BudgetTracker({ now: () => now });
    tracker.add('key-1', 100, 1);
    tracker.seed(
      new Map([
        ['key-1', { dayStart: Date.UTC(2026, 10, 23), dayTokens: 50, dayCost: 5, monthStart: Date.UTC(2026, 10, 1), monthTokens: 5000, monthCost: 50, totalTokens: 9000, totalCost: 90 }],
        ['key-2', { dayStart: Date.UTC(2026, 10, 22), dayTokens: 999, dayCost: 9, monthStart: Date.UTC(2026, 10, 1), monthTokens: 999, monthCost: 9, totalTokens: 999, totalCost: 9 }],
      ]),
    );
    expect(tracker.spendOf('key-1')).toEqual({ dayStart: Date.UTC(2026, 10, 23), dayTokens: 100, dayCost: 5, monthStart: Date.UTC(2026, 10, 1), monthTokens: 5000, monthCost: 50, totalTokens: 9000, totalCost: 90 });
    expect(tracker.spendOf('key-2')).toMatchObject({ dayTokens: 0, monthTokens: 999 });
  });

  it('daily budgets reset at midnight in the configured time zone (Asia/Shanghai)', () => {
    let now = Date.parse('2026-03-10T15:00:00Z'); // 23:00 in Beijing
    const tracker = new BudgetTracker({ now: () => now, timeZone: () => 'Asia/Shanghai' });
    tracker.add('key-1', 1000, 0);
    let thrown: unknown;
    try {
      tracker.check('key-1', { daily_tokens: 1000 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeDefined();
    expect(tracker.spendOf('key-1').dayStart).toBe(Date.parse('2026-03-09T16:00:00Z'));
    now = Date.parse('2026-03-10T16:00:00Z'); // midnight in Beijing, still 10 March in UTC
    expect(() => tracker.check('key-1', { daily_tokens: 1000 })).not.toThrow();
  });
});
