import { SqliteAdapter, sql, type Insertable, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import type { Database, UsageRollupsTable } from '../../store/schema.js';
import { summedFiguresSchema, summedFiguresSql } from '../stats/usage-figures.js';
import { bucketSizeMs, type RollupGranularity } from './rollup-granularity.js';
import { dimensionExpressions, type RollupDimension } from './rollup-dimension.js';

// PostgreSQL returns sums of bigint as numeric strings; the shared figures schema coerces them.
const aggregateRowSchema = summedFiguresSchema.extend({
  bucket_start: z.coerce.number(),
  api_key_id: z.string(),
  account_id: z.string(),
  provider: z.string(),
  model: z.string(),
  latency_p95: z.coerce.number().nullable(),
});

/** The figures each grouping sums over its raw rows (both methods). */
const summedColumns = sql.raw(`
      count(*) as requests,
      sum(case when status = 'success' then 1 else 0 end) as successes,
      sum(case when status = 'success' then 0 else 1 end) as errors,
      sum(input_tokens) as input_tokens,
      sum(output_tokens) as output_tokens,
      sum(cache_read_tokens) as cache_read_tokens,
      sum(cache_write_tokens) as cache_write_tokens,
      sum(cost) as cost,
      sum(coalesce(credits, 0)) as credits,
      sum(latency_ms) as latency_sum,
      max(latency_ms) as latency_max`);

/** How the p95 is computed: the window functions both databases share, or SQLite's registered aggregate (store/sqlite-functions.ts). */
export type PercentileMethod = 'window' | 'aggregate';

/** SQLite connections opened by `openDatabase` have `percentile_nearest_rank`; PostgreSQL runs the window form in its own process. */
export const percentileMethodOf = (db: Kysely<Database>): PercentileMethod => (db.getExecutor().adapter instanceof SqliteAdapter ? 'aggregate' : 'window');

/**
 * The query that aggregates raw rows with `from <= created_at < to` into roll-up rows of one granularity
 * and grouping (read them with `toRollupRows`). p95 is the nearest-rank percentile: the latency whose
 * rank within its group is ceil(0.95 × n), written as (95n + 99) / 100 in integer arithmetic. Both
 * methods give the same figure; the aggregate is a plain GROUP BY, about four times cheaper on SQLite.
 */
export function rollupQuery(granularity: RollupGranularity, dimension: RollupDimension, from: number, to: number, method: PercentileMethod): RawBuilder<Record<string, unknown>> {
  const size = bucketSizeMs(granularity);
  const columns = dimensionExpressions(dimension);
  const groupColumns = sql.raw('bucket_start, api_key_id, account_id, provider, model');
  const bucketed = sql`
      select
        created_at - (created_at % ${sql.lit(size)}) as bucket_start,
        ${sql.raw(columns.apiKeyId)} as api_key_id,
        ${sql.raw(columns.accountId)} as account_id,
        ${sql.raw(columns.provider)} as provider,
        ${sql.raw(columns.model)} as model,
        status, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cost, credits, latency_ms
      from request_logs
      where created_at >= ${from} and created_at < ${to}`;
  if (method === 'aggregate') {
    return sql<Record<string, unknown>>`
    with bucketed as (${bucketed})
    select ${groupColumns}, ${summedColumns}, percentile_nearest_rank(latency_ms, 95) as latency_p95
    from bucketed
    group by ${groupColumns}
  `;
  }
  return sql<Record<string, unknown>>`
    with bucketed as (${bucketed}),
    ranked as (
      select bucketed.*,
        row_number() over (partition by ${groupColumns} order by latency_ms) as latency_rank,
        count(*) over (partition by ${groupColumns}) as group_size
      from bucketed
    )
    select ${groupColumns}, ${summedColumns},
      max(case when latency_rank = (95 * group_size + 99) / 100 then latency_ms end) as latency_p95
    from ranked
    group by ${groupColumns}
  `;
}

/** Roll-up rows to upsert, from the rows an aggregating query returned. */
export function toRollupRows(granularity: RollupGranularity, rows: Record<string, unknown>[], now: number): Insertable<UsageRollupsTable>[] {
  return rows.map((raw) => {
    const row = aggregateRowSchema.parse(raw);
    return { granularity, ...row, latency_p95: row.latency_p95 ?? row.latency_max, updated_at: now };
  });
}

/**
 * Day roll-up rows for `from <= bucket_start < to`, summed from the hourly roll-ups of those days, every
 * grouping at once (the dimension columns are stored in each row). Reading the raw rows of a whole day
 * again at every pass would cost more the longer the day and the busier the gateway; this costs one row
 * per hour and group. Counters, cost and the maximum are exact; a day's p95 is the highest of its
 * hours' p95s, an upper bound, the same way every stats query combines the p95s of several buckets.
 */
export async function computeDayRowsFromHours(db: Kysely<Database>, from: number, to: number, now: number): Promise<Insertable<UsageRollupsTable>[]> {
  const day = bucketSizeMs('day');
  const result = await sql<Record<string, unknown>>`
    select bucket_start - (bucket_start % ${sql.lit(day)}) as bucket_start, api_key_id, account_id, provider, model,
      ${summedFiguresSql}, max(latency_p95) as latency_p95
    from usage_rollups
    where granularity = 'hour' and bucket_start >= ${from} and bucket_start < ${to}
    group by bucket_start - (bucket_start % ${sql.lit(day)}), api_key_id, account_id, provider, model
  `.execute(db);
  return toRollupRows('day', result.rows, now);
}
