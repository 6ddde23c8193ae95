import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { dayStartIn, nextDayStartIn } from '../../core/day-boundary.js';
import { InvalidRequestError } from '../../core/errors/invalid-request-error.js';
import type { Database } from '../../store/schema.js';
import { allValues, noValue } from '../rollup/rollup-dimension.js';
import { rollupGroupFilter } from './rollup-group-filter.js';
import { summedFiguresSchema, summedFiguresSql, type SummedFigures } from './usage-figures.js';
import { point, type TimelineQuery } from './load-usage-timeline.js';

const maxDays = 400;
const groupColumn = { none: `'${allValues}'`, key: 'api_key_id', model: 'model', provider: 'provider', account: 'account_id' } as const;
const rowSchema = summedFiguresSchema.extend({ bucket_start: z.coerce.number(), group_value: z.string(), latency_p95: z.coerce.number().nullable() });

function addFigures(into: SummedFigures, from: SummedFigures): void {
  for (const name of Object.keys(into) as Array<keyof SummedFigures>) {
    into[name] = name === 'latency_max' ? Math.max(into[name], from[name]) : into[name] + from[name];
  }
}

/**
 * Daily usage where days begin at local midnight in a time zone other than UTC. The stored daily
 * roll-ups are UTC days (so changing the zone never invalidates them); local days are summed from the
 * hourly roll-ups instead. A day's p95 is the highest of its hours' p95s, an upper bound.
 */
export async function loadLocalDayTimeline(db: Kysely<Database>, query: TimelineQuery & { timeZone: string }) {
  if (query.to <= query.from) throw new InvalidRequestError('to must be after from.', { field: 'to' });
  const first = dayStartIn(query.timeZone, query.from);
  if ((query.to - first) / 86_400_000 > maxDays) throw new InvalidRequestError(`The range spans more than ${maxDays} days; narrow it.`, { field: 'from' });
  const result = await sql<Record<string, unknown>>`
    select bucket_start, ${sql.raw(groupColumn[query.groupBy])} as group_value,
      ${summedFiguresSql}, max(latency_p95) as latency_p95
    from usage_rollups
    where granularity = 'hour' and ${rollupGroupFilter(query.groupBy)}
      and bucket_start >= ${first} and bucket_start < ${query.to}
    group by bucket_start, group_value
  `.execute(db);
  const days = new Map<string, { day: number; group: string; figures: SummedFigures; p95: number }>();
  for (const raw of result.rows) {
    const row = rowSchema.parse(raw);
    const day = dayStartIn(query.timeZone, row.bucket_start);
    const key = `${day}\u0000${row.group_value}`;
    const entry = days.get(key) ?? { day, group: row.group_value, figures: summedFiguresSchema.parse({}), p95: 0 };
    addFigures(entry.figures, row);
    entry.p95 = Math.max(entry.p95, row.latency_p95 ?? 0);
    days.set(key, entry);
  }
  const points = [...days.values()]
    .sort((left, right) => left.day - right.day || left.group.localeCompare(right.group))
    .map((entry) => point(entry.day, query.groupBy === 'none' || entry.group === noValue ? null : entry.group, entry.figures, entry.p95));
  if (query.groupBy !== 'none') return { granularity: query.granularity, group_by: query.groupBy, data: points };
  const byDay = new Map(points.map((entry) => [entry.bucket, entry]));
  const filled = [];
  for (let day = first; day < query.to; day = nextDayStartIn(query.timeZone, day)) {
    const iso = new Date(day).toISOString();
    filled.push(byDay.get(iso) ?? point(day, null, summedFiguresSchema.parse({}), 0));
  }
  return { granularity: query.granularity, group_by: query.groupBy, data: filled };
}
