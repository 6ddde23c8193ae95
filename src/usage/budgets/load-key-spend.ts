import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../store/schema.js';
import { allValues } from '../rollup/rollup-dimension.js';
import type { KeySpend } from './budget-tracker.js';
import { dayStartIn, monthStartIn } from '../../core/day-boundary.js';

const figure = z.coerce.number();
const periodRowSchema = z.object({ api_key_id: z.string(), tokens: figure.nullable(), cost: figure.nullable() });

async function spendSince(db: Kysely<Database>, since: number): Promise<Map<string, { tokens: number; cost: number }>> {
  const rows = await db
    .selectFrom('usage_rollups')
    .select((expression) => [
      'api_key_id',
      sql<string>`sum(input_tokens + output_tokens + cache_read_tokens + cache_write_tokens)`.as('tokens'),
      expression.fn.sum('cost').as('cost'),
    ])
    .where('granularity', '=', 'hour')
    .where('bucket_start', '>=', since)
    .where('api_key_id', '!=', allValues)
    .where('account_id', '=', allValues)
    .where('provider', '=', allValues)
    .where('model', '=', allValues)
    .groupBy('api_key_id')
    .execute();
  const spend = new Map<string, { tokens: number; cost: number }>();
  for (const raw of rows) {
    const row = periodRowSchema.parse(raw);
    spend.set(row.api_key_id, { tokens: row.tokens ?? 0, cost: row.cost ?? 0 });
  }
  return spend;
}

/** Every key's stored spend today, this month (local to `timeZone`) and in total, from the hourly roll-ups and key totals. */
export async function loadKeySpend(db: Kysely<Database>, now: number, timeZone = 'UTC'): Promise<Map<string, KeySpend>> {
  const dayStart = dayStartIn(timeZone, now);
  const monthStart = monthStartIn(timeZone, now);
  const [day, month, totals] = await Promise.all([
    spendSince(db, dayStart),
    spendSince(db, monthStart),
    db.selectFrom('api_keys').select(['id', 'total_tokens', 'total_cost']).execute(),
  ]);
  const snapshot = new Map<string, KeySpend>();
  const stored = new Map(totals.map((key) => [key.id, key]));
  for (const id of new Set([...stored.keys(), ...day.keys(), ...month.keys()])) {
    const key = stored.get(id);
    snapshot.set(id, {
      dayStart,
      dayTokens: day.get(id)?.tokens ?? 0,
      dayCost: day.get(id)?.cost ?? 0,
      monthStart,
      monthTokens: month.get(id)?.tokens ?? 0,
      monthCost: month.get(id)?.cost ?? 0,
      totalTokens: Number(key?.total_tokens ?? 0),
      totalCost: Number(key?.total_cost ?? 0),
    });
  }
  return snapshot;
}
