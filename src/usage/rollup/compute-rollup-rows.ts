import { sql, type Insertable, type Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, UsageRollupsTable } from '../../store/schema.js';
import { summedFiguresSchema } from '../stats/usage-figures.js';
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

/**
 * Aggregates raw rows with `from <= created_at < to` into roll-up rows of one granularity and grouping.
 * p95 is the nearest-rank percentile, computed in SQL with window functions that SQLite and PostgreSQL
 * share: the latency whose rank within its group is ceil(0.95 × n), written as (95n + 99) / 100 in
 * integer arithmetic.
 */
export async function computeRollupRows(
  db: Kysely<Database>,
  granularity: RollupGranularity,
  dimension: RollupDimension,
  from: number,
  to: number,
  now: number,
): Promise<Insertable<UsageRollupsTable>[]> {
  const size = bucketSizeMs(granularity);
  const columns = dimensionExpressions(dimension);
  const groupColumns = sql.raw('bucket_start, api_key_id, account_id, provider, model');
  const result = await sql<Record<string, unknown>>`
    with bucketed as (
      select
        created_at - (created_at % ${sql.lit(size)}) as bucket_start,
        ${sql.raw(columns.apiKeyId)} as api_key_id,
        ${sql.raw(columns.accountId)} as account_id,
        ${sql.raw(columns.provider)} as provider,
        ${sql.raw(columns.model)} as model,
        status, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, cost, credits, latency_ms
      from request_logs
      where created_at >= ${from} and created_at < ${to}
    ),
    ranked as (
      select bucketed.*,
        row_number() over (partition by ${groupColumns} order by latency_ms) as latency_rank,
        count(*) over (partition by ${groupColumns}) as group_size
      from bucketed
    )
    select ${groupColumns},
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
      max(latency_ms) as latency_max,
      max(case when latency_rank = (95 * group_size + 99) / 100 then latency_ms end) as latency_p95
    from ranked
    group by ${groupColumns}
  `.execute(db);
  return result.rows.map((raw) => {
    const row = aggregateRowSchema.parse(raw);
    return { granularity, ...row, latency_p95: row.latency_p95 ?? row.latency_max, updated_at: now };
  });
}
