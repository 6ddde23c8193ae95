import { Card, Segmented, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/sluice-api';
import { TimeSeriesChart } from '../../charts/time-series-chart';
import { QueryState } from '../../components/query-state';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { formatDay, formatHour } from '../../format/format-day';
import { useAdminQuery } from '../../hooks/use-admin-query';
import { bucketStarts, buildTimeSeries, type TimelineMetric } from './build-time-series';

const ranges = {
  '24h': { granularity: 'hour', milliseconds: 24 * 3_600_000 },
  '7d': { granularity: 'day', milliseconds: 7 * 86_400_000 },
  '30d': { granularity: 'day', milliseconds: 30 * 86_400_000 },
} as const;
type RangeName = keyof typeof ranges;

/** Requests, tokens or cost over time, stacked by model or provider; days follow the server's time zone. */
export function TimelinePanel({ timeZone }: { timeZone: string }) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<TimelineMetric>('requests');
  const [groupBy, setGroupBy] = useState<'model' | 'provider'>('model');
  const [range, setRange] = useState<RangeName>('24h');
  const { granularity, milliseconds } = ranges[range];

  const query = useAdminQuery(
    async (api) => {
      const to = new Date();
      const from = new Date(to.getTime() - milliseconds);
      const timeline = await unwrap(api.GET('/admin/stats/timeline', { params: { query: { granularity, group_by: groupBy, from: from.toISOString(), to: to.toISOString() } } }));
      return { points: timeline.data, buckets: bucketStarts(granularity, from, to, timeZone) };
    },
    [granularity, milliseconds, groupBy, timeZone],
  );

  const series = useMemo(
    () => (query.data ? buildTimeSeries(query.data.points, metric, query.data.buckets, granularity === 'hour' ? formatHour : (bucket) => formatDay(bucket, timeZone)) : null),
    [query.data, metric, granularity, timeZone],
  );

  return (
    <Card size="small" title={t('dashboard.traffic')} extra={granularity === 'day' ? <Tag title={t('dashboard.dayBoundaryHint')}>{timeZone}</Tag> : null}>
      <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
        <Segmented
          size="small"
          value={metric}
          onChange={(value) => setMetric(value as TimelineMetric)}
          options={[
            { label: t('figures.requests'), value: 'requests' },
            { label: t('figures.tokens'), value: 'tokens' },
            { label: t('figures.cost'), value: 'cost' },
          ]}
        />
        <Segmented
          size="small"
          value={groupBy}
          onChange={(value) => setGroupBy(value as 'model' | 'provider')}
          options={[
            { label: t('dashboard.byModel'), value: 'model' },
            { label: t('dashboard.byProvider'), value: 'provider' },
          ]}
        />
        <Segmented
          size="small"
          value={range}
          onChange={(value) => setRange(value as RangeName)}
          options={(Object.keys(ranges) as RangeName[]).map((name) => ({ label: t(`dashboard.ranges.${name}`), value: name }))}
        />
      </Space>
      <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={!series || series.series.length === 0} emptyText={t('dashboard.noTraffic')}>
        {series ? (
          <div data-testid="timeline-chart">
            <TimeSeriesChart series={series} kind={granularity === 'hour' ? 'bar' : 'line'} formatValue={metric === 'cost' ? formatCost : formatCount} integer={metric !== 'cost'} />
          </div>
        ) : null}
      </QueryState>
    </Card>
  );
}
