import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { redisUrl, warnSkipped } from '../../../tests/support/test-environment.js';
import { BudgetExceededError } from '../../core/errors/budget-exceeded-error.js';
import { BudgetTracker } from './budget-tracker.js';
import { createRedisBudgetLedger } from './redis-budget-ledger.js';

const estimate = { tokens: 100, cost: 0.1 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('BudgetTracker reservations (one instance)', () => {
  it('admits until held estimates reach the budget, so at most one estimate goes over', () => {
    const tracker = new BudgetTracker();
    const budgets = { daily_tokens: 1000 };
    const held = Array.from({ length: 10 }, () => tracker.reserve('key', budgets, estimate));
    expect(() => tracker.reserve('key', budgets, estimate)).toThrow(BudgetExceededError);
    // A request that used less than its estimate gives the difference back when it settles.
    held[0]!.settle({ tokens: 40, cost: 0 });
    tracker.add('key', 40, 0);
    expect(() => tracker.reserve('key', budgets, estimate)).not.toThrow();
    expect(() => tracker.reserve('key', budgets, estimate)).toThrow(/daily token budget/);
  });

  it('tells when a daily budget resets in the configured time zone', () => {
    const at = Date.UTC(2026, 11, 5, 15, 50);
    const tracker = new BudgetTracker({ now: () => at, timeZone: () => 'Asia/Shanghai' });
    tracker.add('key', 100, 0);
    const refusal = (() => {
      try {
        tracker.check('key', { daily_tokens: 100 });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(BudgetExceededError);
    expect((refusal as BudgetExceededError).retryAfterMs).toBe(10 * 60_000);
  });
});

describe.skipIf(!redisUrl)('redis budget ledger', () => {
  const connections: Redis[] = [];
  const connect = () => {
    const redis = new Redis(redisUrl!);
    connections.push(redis);
    return redis;
  };
  afterAll(async () => {
    await Promise.all(connections.map((redis) => redis.quit()));
  });
  const prefix = () => `sluice-test-${randomBytes(6).toString('hex')}:`;

  it('admits at most one estimate past a budget across instances, and settles to the real spend', async () => {
    const shared = prefix();
    const ledgers = [createRedisBudgetLedger({ redis: connect(), keyPrefix: shared }), createRedisBudgetLedger({ redis: connect(), keyPrefix: shared })];
    const budgets = { daily_cost: 1, total_tokens: null };
    const outcomes = await Promise.allSettled(Array.from({ length: 50 }, (_, index) => ledgers[index % 2]!.reserve('key', budgets, estimate)));
    const held = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    expect(held).toHaveLength(10);
    expect(outcomes.find((outcome) => outcome.status === 'rejected')).toMatchObject({ reason: expect.any(BudgetExceededError) });
    for (const reservation of held.slice(0, 5)) reservation.settle({ tokens: 10, cost: 0.01 });
    await sleep(50);
    // Five settled at $0.01 each, five still hold $0.10: $0.55 of $1 used, so more fit again.
    await expect(ledgers[0]!.reserve('key', budgets, estimate)).resolves.toBeDefined();
  });

  it('begins days in the configured time zone, and says so in the refusal', async () => {
    // 23:50 in Beijing (15:50 UTC): the day there ends in ten minutes, not at UTC midnight.
    const at = Date.UTC(2026, 11, 5, 15, 50);
    const shared = prefix();
    const ledger = createRedisBudgetLedger({ redis: connect(), keyPrefix: shared, now: () => at, timeZone: () => 'Asia/Shanghai' });
    (await ledger.reserve('key', { daily_tokens: 100 }, estimate)).settle({ tokens: 100, cost: 0 });
    await sleep(100);
    const refusal = await ledger.reserve('key', { daily_tokens: 100 }, estimate).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(BudgetExceededError);
    expect((refusal as BudgetExceededError).retryAfterMs).toBe(10 * 60_000);
    expect((refusal as Error).message).toContain('2026-12-05T16:00:00.000Z');
    // Ten minutes later it is a new day there, and the same budget admits again.
    const nextDay = createRedisBudgetLedger({ redis: connect(), keyPrefix: shared, now: () => at + 10 * 60_000, timeZone: () => 'Asia/Shanghai' });
    await expect(nextDay.reserve('key', { daily_tokens: 100 }, estimate)).resolves.toBeDefined();
  });

  it('drops the estimate of a request that never settled (a crashed instance) after its time to live', async () => {
    const ledger = createRedisBudgetLedger({ redis: connect(), keyPrefix: prefix(), reservationTtlMs: 200 });
    const budgets = { total_cost: 0.1 };
    await ledger.reserve('key', budgets, estimate);
    await expect(ledger.reserve('key', budgets, estimate)).rejects.toBeInstanceOf(BudgetExceededError);
    await sleep(300);
    await expect(ledger.reserve('key', budgets, estimate)).resolves.toBeDefined();
  });

  it('raises the shared figures to the stored spend, never lowers them', async () => {
    const ledger = createRedisBudgetLedger({ redis: connect(), keyPrefix: prefix() });
    const now = Date.now();
    const day = now - (now % 86_400_000);
    const month = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1);
    const stored = { dayStart: day, dayTokens: 900, dayCost: 0, monthStart: month, monthTokens: 900, monthCost: 0, totalTokens: 900, totalCost: 0 };
    await ledger.seed(new Map([['key', stored]]), ['key']);
    await expect(ledger.reserve('key', { daily_tokens: 900 }, estimate)).rejects.toThrow(/900 tokens of 900 tokens/);
    await ledger.seed(new Map([['key', { ...stored, dayTokens: 10 }]]), ['key']);
    await expect(ledger.reserve('key', { daily_tokens: 900 }, estimate)).rejects.toBeInstanceOf(BudgetExceededError);
  });
});
warnSkipped('the Redis budget ledger tests', 'REDIS_URL');
