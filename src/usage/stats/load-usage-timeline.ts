import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import type { Database } from '../../store/schema.js';
import { allValues, noValue, type RollupDimension } from '../rollup/rollup-dimension.js';
import { loadLocalDayTimeline } from './load-local-day-timeline.js';
import { bucketSizeMs, bucketStartOf, type RollupGranularity } from '../rollup/rollup-granularity.js';
import { rollupGroupFilter } from './rollup-group-filter.js';
import { averageLatency, renderFigures, summedFiguresSchema, summedFiguresSql, type SummedFigures } from './usage-figures.js';

export const timelineGroupings = ['none', 'model', 'provider', 'key', 'account'] as const;
export type TimelineGrouping = (typeof timelineGroupings)[number];

export interface TimelineQuery {
  granularity: RollupGranularity;
  groupBy: TimelineGrouping;
  from: number;
  to: number;
  /** Days begin at midnight in this IANA zone; outside UTC they are summed from the hourly roll-ups. */
  timeZone?: string;
}

const maxBuckets = 2000;
const groupColumn: Record<RollupDimension, string> = { none: `'${allValues}'`, key: 'api_key_id', model: 'model', provider: 'provider', account: 'account_id' };
const rowSchema = summedFiguresSchema.extend({ bucket_start: z.coerce.number(), group_value: z.string(), latency_p95: z.coerce.number().nullable() });

export function point(bucket: number, group: string | null, figures: SummedFigures, p95: number) {
  return {
    bucket: new Date(bucket).toISOString(),
    group,
    ...renderFigures(figures),
    latency_avg_ms: averageLatency(figures),
    latency_max_ms: figures.latency_max,
    latency_p95_ms: p95,
  };
}

/**
 * Usage per bucket in [from, to), optionally per group. Each grouping is stored with its own exact p95,
 * so a point's p95 is read, never estimated. Without grouping, empty buckets are filled with zeros.
 */
export async function loadUsageTimeline(db: Kysely<Database>, query: TimelineQuery) {
  const zone = query.timeZone ?? 'UTC';
  if (query.granularity === 'day' && zone !== 'UTC') return loadLocalDayTimeline(db, { ...query, timeZone: zone });
  const size = bucketSizeMs(query.granularity);
  const first = bucketStartOf(query.from, query.granularity);
  if (query.to <= query.from) throw new InvalidRequestError('to must be after from.', { field: 'to' });
  if ((query.to - first) / size > maxBuckets) {
    throw new InvalidRequestError(`The range spans more than ${maxBuckets} ${query.granularity} buckets; narrow it or use a coarser granularity.`, { field: 'from' });
  }
  const result = await sql<Record<string, unknown>>`
    select bucket_start, ${sql.raw(groupColumn[query.groupBy === 'none' ? 'none' : query.groupBy])} as group_value,
      ${summedFiguresSql}, max(latency_p95) as latency_p95
    from usage_rollups
    where granularity = ${query.granularity} and ${rollupGroupFilter(query.groupBy)}
      and bucket_start >= ${first} and bucket_start < ${query.to}
    group by bucket_start, group_value
    order by bucket_start, group_value
  `.execute(db);
  const rows = result.rows.map((raw) => rowSchema.parse(raw));
  const data = rows.map((row) => point(row.bucket_start, query.groupBy === 'none' || row.group_value === noValue ? null : row.group_value, row, row.latency_p95 ?? 0));
  if (query.groupBy !== 'none') return { granularity: query.granularity, group_by: query.groupBy, data };
  const byBucket = new Map(data.map((entry) => [entry.bucket, entry]));
  const empty = summedFiguresSchema.parse({});
  const filled = [];
  for (let bucket = first; bucket < query.to; bucket += size) {
    const iso = new Date(bucket).toISOString();
    filled.push(byBucket.get(iso) ?? point(bucket, null, empty, 0));
  }
  return { granularity: query.granularity, group_by: query.groupBy, data: filled };
}
