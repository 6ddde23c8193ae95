import { Card, Segmented, Space } from 'antd';
import { useMemo, useState } from 'react';
import { timelineSchema } from '../../api/contract/stats-dto';
import { TimeSeriesChart } from '../../charts/time-series-chart';
import { QueryState } from '../../components/query-state';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { useAdminQuery } from '../../hooks/use-admin-query';
import { bucketStarts, buildTimeSeries, type TimelineMetric } from './build-time-series';

const ranges = {
  '24h': { granularity: 'hour', milliseconds: 24 * 3_600_000 },
  '7d': { granularity: 'day', milliseconds: 7 * 86_400_000 },
  '30d': { granularity: 'day', milliseconds: 30 * 86_400_000 },
} as const;
type RangeName = keyof typeof ranges;

function bucketLabel(granularity: 'hour' | 'day') {
  return (bucket: string) => {
    const date = new Date(bucket);
    const pad = (part: number) => String(part).padStart(2, '0');
    return granularity === 'hour' ? `${pad(date.getHours())}:00` : `${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  };
}

/** Requests, tokens or cost over time, stacked by model or provider. */
export function TimelinePanel() {
  const [metric, setMetric] = useState<TimelineMetric>('requests');
  const [groupBy, setGroupBy] = useState<'model' | 'provider'>('model');
  const [range, setRange] = useState<RangeName>('24h');
  const { granularity, milliseconds } = ranges[range];

  const query = useAdminQuery(
    async (client) => {
      const to = new Date();
      const from = new Date(to.getTime() - milliseconds);
      const timeline = await client.get('/admin/stats/timeline', timelineSchema, {
        granularity,
        group_by: groupBy,
        from: from.toISOString(),
        to: to.toISOString(),
      });
      return { points: timeline.data, buckets: bucketStarts(granularity, from, to) };
    },
    [granularity, milliseconds, groupBy],
  );

  const series = useMemo(
    () => (query.data ? buildTimeSeries(query.data.points, metric, query.data.buckets, bucketLabel(granularity)) : null),
    [query.data, metric, granularity],
  );

  return (
    <Card size="small" title="Traffic">
      <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
        <Segmented size="small" value={metric} onChange={(value) => setMetric(value as TimelineMetric)} options={[{ label: 'Requests', value: 'requests' }, { label: 'Tokens', value: 'tokens' }, { label: 'Cost', value: 'cost' }]} />
        <Segmented size="small" value={groupBy} onChange={(value) => setGroupBy(value as 'model' | 'provider')} options={[{ label: 'By model', value: 'model' }, { label: 'By provider', value: 'provider' }]} />
        <Segmented size="small" value={range} onChange={(value) => setRange(value as RangeName)} options={['24h', '7d', '30d']} />
      </Space>
      <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={!series || series.series.length === 0} emptyText="No traffic in this period">
        {series ? (
          <div data-testid="timeline-chart">
            <TimeSeriesChart series={series} kind={granularity === 'hour' ? 'bar' : 'line'} formatValue={metric === 'cost' ? formatCost : formatCount} integer={metric !== 'cost'} />
          </div>
        ) : null}
      </QueryState>
    </Card>
  );
}
