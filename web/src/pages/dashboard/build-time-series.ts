import type { TimeSeries } from '../../charts/time-series';
import type { TimelinePoint } from '../../api/api-types';

/** The figures a chart point needs; the rest of a timeline point is optional here. */
export type SeriesPoint = Pick<TimelinePoint, 'bucket'> & Partial<Omit<TimelinePoint, 'bucket'>>;

export const timelineMetrics = ['requests', 'tokens', 'cost'] as const;
export type TimelineMetric = (typeof timelineMetrics)[number];

export function metricValue(point: SeriesPoint, metric: TimelineMetric): number {
  switch (metric) {
    case 'requests':
      return point.requests ?? 0;
    case 'tokens':
      return (point.input_tokens ?? 0) + (point.output_tokens ?? 0) + (point.cache_read_tokens ?? 0) + (point.cache_write_tokens ?? 0);
    case 'cost':
      return point.cost ?? 0;
    default: {
      const unreachable: never = metric;
      return unreachable;
    }
  }
}

/**
 * Turns timeline rows into stacked series: every bucket from `buckets` (so gaps show as zero), one series
 * per group ordered by total, the smallest folded into "other" beyond `maxSeries`.
 */
export function buildTimeSeries(
  points: SeriesPoint[],
  metric: TimelineMetric,
  buckets: string[],
  formatLabel: (bucket: string) => string,
  maxSeries = 8,
): TimeSeries {
  const bucketIndex = new Map<number, number>();
  buckets.forEach((bucket, index) => bucketIndex.set(Date.parse(bucket), index));
  const totals = new Map<string, number[]>();
  for (const point of points) {
    const index = bucketIndex.get(Date.parse(point.bucket));
    if (index === undefined) continue;
    const name = point.group ?? 'all';
    let values = totals.get(name);
    if (!values) {
      values = new Array<number>(buckets.length).fill(0);
      totals.set(name, values);
    }
    values[index] = (values[index] ?? 0) + metricValue(point, metric);
  }
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const ordered = [...totals.entries()].sort((left, right) => sum(right[1]) - sum(left[1]));
  const kept = ordered.slice(0, maxSeries);
  const folded = ordered.slice(maxSeries);
  const series = kept.map(([name, values]) => ({ name, values }));
  if (folded.length > 0) {
    const other = new Array<number>(buckets.length).fill(0);
    for (const [, values] of folded) values.forEach((value, index) => (other[index] = (other[index] ?? 0) + value));
    series.push({ name: 'other', values: other });
  }
  return { labels: buckets.map(formatLabel), series };
}

const hourMs = 3_600_000;

/** The calendar date of an instant in a time zone ("2026-03-10"). */
export function localDate(time: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(time));
}

/**
 * Bucket starts (ISO) from `from` up to `to`: whole hours, or days beginning at local midnight in
 * `timeZone` (the server's `timezone` setting), as the server's day buckets do.
 */
export function bucketStarts(granularity: 'hour' | 'day', from: Date, to: Date, timeZone = 'UTC'): string[] {
  const result: string[] = [];
  const start = Math.floor(from.getTime() / hourMs) * hourMs;
  if (granularity === 'hour') {
    for (let time = start; time <= to.getTime() && result.length < 1000; time += hourMs) result.push(new Date(time).toISOString());
    return result;
  }
  let previous = localDate(start - hourMs, timeZone);
  for (let time = start - 24 * hourMs; time <= to.getTime() && result.length < 1000; time += hourMs) {
    const date = localDate(time, timeZone);
    if (date !== previous && time + 24 * hourMs > from.getTime()) result.push(new Date(time).toISOString());
    previous = date;
  }
  return result;
}
