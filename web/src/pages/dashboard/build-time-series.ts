import type { TimeSeries } from '../../charts/time-series';
import type { TimelinePoint } from '../../api/contract/stats-dto';

export const timelineMetrics = ['requests', 'tokens', 'cost'] as const;
export type TimelineMetric = (typeof timelineMetrics)[number];

export function metricValue(point: TimelinePoint, metric: TimelineMetric): number {
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
  points: TimelinePoint[],
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

/** Bucket starts (ISO) from `from` up to `to`, aligned to the UTC hour or day. */
export function bucketStarts(granularity: 'hour' | 'day', from: Date, to: Date): string[] {
  const step = granularity === 'hour' ? 3_600_000 : 86_400_000;
  const start = Math.floor(from.getTime() / step) * step;
  const result: string[] = [];
  for (let time = start; time <= to.getTime() && result.length < 1000; time += step) result.push(new Date(time).toISOString());
  return result;
}
