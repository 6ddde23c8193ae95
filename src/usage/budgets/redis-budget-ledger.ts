import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { budgetExceededError, findSpentBudget, type SpentBudget } from './budget-exceeded.js';
import type { KeySpend } from './budget-tracker.js';
import type { BudgetReservation, SpendAmount } from './budget-reservation.js';
import { dayStartIn, monthStartIn } from '../../core/day-boundary.js';
import { budgetNames, type KeyBudgets } from './key-budgets.js';

/**
 * KEYS: day, month, total (hashes: tokens, cost settled), reservations (hash: ticket → "tokens cost expiry").
 * ARGV: now, six limits in budgetNames order (-1 = none), estimate tokens, estimate cost, ticket,
 * reservation ttl, day ttl, month ttl. Drops expired reservations, adds the live ones to the settled
 * spend, and refuses (returns {index, used}) when a budget is already reached; otherwise holds the
 * estimate and returns {0}. One script, so any number of instances admit at most one request past a budget.
 */
const reserveScript = `
local now = tonumber(ARGV[1])
local heldTokens, heldCost = 0, 0
local held = redis.call('HGETALL', KEYS[4])
for i = 1, #held, 2 do
  local tokens, cost, expiry = string.match(held[i + 1], '^(%S+) (%S+) (%S+)$')
  if tonumber(expiry) <= now then
    redis.call('HDEL', KEYS[4], held[i])
  else
    heldTokens = heldTokens + tonumber(tokens)
    heldCost = heldCost + tonumber(cost)
  end
end
local function figure(key, field)
  return tonumber(redis.call('HGET', key, field) or '0')
end
local used = {
  figure(KEYS[1], 'tokens') + heldTokens, figure(KEYS[1], 'cost') + heldCost,
  figure(KEYS[2], 'tokens') + heldTokens, figure(KEYS[2], 'cost') + heldCost,
  figure(KEYS[3], 'tokens') + heldTokens, figure(KEYS[3], 'cost') + heldCost,
}
for i = 1, 6 do
  local limit = tonumber(ARGV[1 + i])
  if limit >= 0 and used[i] >= limit - 1e-9 then
    return {i, tostring(used[i])}
  end
end
local ttl = tonumber(ARGV[11])
redis.call('HSET', KEYS[4], ARGV[10], ARGV[8] .. ' ' .. ARGV[9] .. ' ' .. tostring(now + ttl))
redis.call('PEXPIRE', KEYS[4], ttl)
return {0}
`;

/** KEYS: day, month, total, reservations. ARGV: ticket, tokens, cost, day ttl, month ttl. */
const settleScript = `
redis.call('HDEL', KEYS[4], ARGV[1])
for i = 1, 3 do
  redis.call('HINCRBY', KEYS[i], 'tokens', ARGV[2])
  redis.call('HINCRBYFLOAT', KEYS[i], 'cost', ARGV[3])
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[5])
return 0
`;

/** KEYS: day, month, total. ARGV: tokens and cost for each, day ttl, month ttl. Raises each figure to at least the stored one. */
const seedScript = `
for i = 1, 3 do
  for j, field in ipairs({'tokens', 'cost'}) do
    local stored = tonumber(ARGV[(i - 1) * 2 + j])
    if tonumber(redis.call('HGET', KEYS[i], field) or '0') < stored then
      redis.call('HSET', KEYS[i], field, ARGV[(i - 1) * 2 + j])
    end
  end
end
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('PEXPIRE', KEYS[2], ARGV[8])
return 0
`;

type RedisWithScripts = Redis & {
  sluiceBudgetReserve(...arguments_: Array<string | number>): Promise<[number, string?]>;
  sluiceBudgetSettle(...arguments_: Array<string | number>): Promise<number>;
  sluiceBudgetSeed(...arguments_: Array<string | number>): Promise<number>;
};

const dayTtlMs = 2 * 86_400_000;
const monthTtlMs = 32 * 86_400_000;

export interface RedisBudgetLedgerOptions {
  redis: Redis;
  keyPrefix?: string;
  now?: () => number;
  /** A held estimate lapses after this long if its request never settles (a crashed instance). */
  reservationTtlMs?: number;
  /** Told each time a budget refuses a request (for the once-per-period webhook). */
  onRefused?: (apiKeyId: string, spent: SpentBudget) => void;
  /** The IANA zone where days and months begin (the `timezone` setting); UTC when absent. */
  timeZone?: () => string;
}

/** Spend and held estimates per key in Redis, shared by every instance; changed only by Lua scripts. */
export interface RedisBudgetLedger {
  /** Throws BudgetExceededError when a budget is reached (held estimates included); else holds the estimate. */
  reserve(apiKeyId: string, budgets: KeyBudgets, estimate: SpendAmount): Promise<BudgetReservation>;
  /** Raises the shared figures to the stored ones (never lowers them: Redis knows of rows not yet written). */
  seed(snapshot: ReadonlyMap<string, KeySpend>, apiKeyIds: Iterable<string>): Promise<void>;
}

export function createRedisBudgetLedger(options: RedisBudgetLedgerOptions): RedisBudgetLedger {
  const now = options.now ?? Date.now;
  const prefix = options.keyPrefix ?? 'sluice:budget:';
  const reservationTtlMs = options.reservationTtlMs ?? 3_600_000;
  const redis = options.redis as RedisWithScripts;
  if (typeof redis.sluiceBudgetReserve !== 'function') {
    redis.defineCommand('sluiceBudgetReserve', { numberOfKeys: 4, lua: reserveScript });
    redis.defineCommand('sluiceBudgetSettle', { numberOfKeys: 4, lua: settleScript });
    redis.defineCommand('sluiceBudgetSeed', { numberOfKeys: 3, lua: seedScript });
  }
  const zone = () => options.timeZone?.() ?? 'UTC';
  const keysOf = (apiKeyId: string, at: number) => [
    `${prefix}${apiKeyId}:day:${dayStartIn(zone(), at)}`,
    `${prefix}${apiKeyId}:month:${monthStartIn(zone(), at)}`,
    `${prefix}${apiKeyId}:total`,
    `${prefix}${apiKeyId}:held`,
  ];
  const whole = (value: number) => (Number.isFinite(value) && value > 0 ? Math.round(value) : 0);
  const money = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);

  return {
    async reserve(apiKeyId, budgets, estimate) {
      const at = now();
      const keys = keysOf(apiKeyId, at);
      const limits = budgetNames.map(({ name }) => budgets[name] ?? -1);
      const ticket = randomUUID();
      const [refused, used] = await redis.sluiceBudgetReserve(...keys, at, ...limits, whole(estimate.tokens), money(estimate.cost), ticket, reservationTtlMs);
      if (Number(refused) > 0) {
        const budget = budgetNames[Number(refused) - 1]!.name;
        const spent = { budget, limit: budgets[budget]!, used: Number(used) };
        options.onRefused?.(apiKeyId, spent);
        throw budgetExceededError(spent, at, zone());
      }
      let settled = false;
      return {
        settle(actual) {
          if (settled) return;
          settled = true;
          // The periods the request is counted in are those of when it ends, as in the roll-ups.
          const settleKeys = keysOf(apiKeyId, now());
          settleKeys[3] = keys[3]!;
          void redis.sluiceBudgetSettle(...settleKeys, ticket, whole(actual.tokens), money(actual.cost), dayTtlMs, monthTtlMs).catch(() => undefined);
        },
      };
    },
    async seed(snapshot, apiKeyIds) {
      const at = now();
      const pipeline = redis.pipeline() as ReturnType<Redis['pipeline']> & { sluiceBudgetSeed(...arguments_: Array<string | number>): unknown };
      let queued = 0;
      for (const apiKeyId of apiKeyIds) {
        const spend = snapshot.get(apiKeyId);
        if (!spend || spend.dayStart !== dayStartIn(zone(), at)) continue;
        const keys = keysOf(apiKeyId, at).slice(0, 3);
        pipeline.sluiceBudgetSeed(...keys, whole(spend.dayTokens), money(spend.dayCost), whole(spend.monthTokens), money(spend.monthCost), whole(spend.totalTokens), money(spend.totalCost), dayTtlMs, monthTtlMs);
        queued += 1;
      }
      if (queued > 0) await pipeline.exec();
    },
  };
}
