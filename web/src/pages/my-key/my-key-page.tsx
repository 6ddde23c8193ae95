import { Card, Col, Descriptions, Empty, Progress, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeDto } from '../../api/api-types';
import { unwrap } from '../../api/sluice-api';
import { TimeSeriesChart } from '../../charts/time-series-chart';
import { QueryState } from '../../components/query-state';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { formatDateTime } from '../../format/format-date-time';
import { formatDay } from '../../format/format-day';
import { formatMilliseconds } from '../../format/format-milliseconds';
import { useAdminQuery } from '../../hooks/use-admin-query';

type Limit = MeDto['limits']['requests_per_day'];
type RecentRequest = MeDto['recent_requests'][number];
const budgetNames = ['daily_tokens', 'monthly_tokens', 'total_tokens', 'daily_cost', 'monthly_cost', 'total_cost'] as const;

function LimitCard({ title, limit, format }: { title: string; limit: Limit; format: (value: number) => string }) {
  const { t } = useTranslation();
  const percent = limit.limit ? Math.min(100, Math.round((limit.used / limit.limit) * 100)) : 0;
  return (
    <Card size="small" title={title}>
      <Statistic title={t('myKey.used')} value={format(limit.used)} suffix={limit.limit === null ? null : `/ ${format(limit.limit)}`} />
      {limit.limit === null ? (
        <Typography.Text type="secondary">{t('myKey.noLimit')}</Typography.Text>
      ) : (
        <>
          <Progress percent={percent} status={percent >= 100 ? 'exception' : 'normal'} showInfo={false} />
          <Typography.Text>{t('myKey.left', { value: format(limit.remaining ?? 0) })}</Typography.Text>
        </>
      )}
      {limit.resets_at ? (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('myKey.resetsAt', { time: formatDateTime(limit.resets_at) })}</Typography.Text>
        </div>
      ) : null}
    </Card>
  );
}

/** The page a key holder sees: own limits and budgets with what is left, usage per day, recent requests. */
export function MyKeyPage() {
  const { t } = useTranslation();
  const query = useAdminQuery((api) => unwrap(api.GET('/v1/me', { params: { query: { days: 14 } } })), []);
  const me = query.data;
  return (
    <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={!me}>
      {me ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="my-key-page">
          <Card size="small" title={t('myKey.title', { name: me.key.name })} extra={<Tag title={t('dashboard.dayBoundaryHint')}>{me.timezone}</Tag>}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('apiKeys.key')}><Typography.Text code>{me.key.key_hint ?? '—'}</Typography.Text></Descriptions.Item>
              <Descriptions.Item label={t('apiKeys.expires')}>{me.key.expires_at ? formatDateTime(me.key.expires_at) : t('apiKeys.never')}</Descriptions.Item>
              <Descriptions.Item label={t('apiKeys.allowedModels')}>{me.key.allowed_models?.join(', ') || t('apiKeys.allModels')}</Descriptions.Item>
              <Descriptions.Item label={t('accountForm.requestsPerMinute')}>{me.limits.requests_per_minute ?? '∞'}</Descriptions.Item>
              <Descriptions.Item label={t('apiKeys.lastUsed')}>{formatDateTime(me.key.last_used_at)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={12} lg={8}>
              <LimitCard title={t('apiKeys.requestsPerDay')} limit={me.limits.requests_per_day} format={formatCount} />
            </Col>
            {budgetNames
              .filter((name) => me.budgets[name].limit !== null)
              .map((name) => (
                <Col xs={24} sm={12} lg={8} key={name}>
                  <LimitCard title={t(`myKey.budgets.${name}`)} limit={me.budgets[name]} format={name.endsWith('cost') ? formatCost : formatCount} />
                </Col>
              ))}
          </Row>
          <Card size="small" title={t('myKey.usage')}>
            {me.usage.length === 0 ? (
              <Empty description={t('myKey.noUsage')} />
            ) : (
              <TimeSeriesChart
                height={240}
                integer
                stacked={false}
                series={{
                  labels: me.usage.map((day) => formatDay(day.day, me.timezone)),
                  series: [
                    { name: t('figures.requests'), values: me.usage.map((day) => day.requests) },
                    { name: t('figures.errors'), values: me.usage.map((day) => day.errors) },
                  ],
                }}
              />
            )}
          </Card>
          <Card size="small" title={t('myKey.recent')}>
            <Table<RecentRequest>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={me.recent_requests}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('myKey.noRequests') }}
              columns={[
                { title: t('requests.time'), dataIndex: 'created_at', render: (value: string) => formatDateTime(value) },
                { title: t('requests.status'), key: 'status', render: (_, row) => <Tag color={row.status === 'success' ? 'green' : 'red'}>{row.http_status}</Tag> },
                { title: t('figures.model'), dataIndex: 'requested_model' },
                { title: t('requests.tokensInOut'), key: 'tokens', align: 'right', render: (_, row) => `${formatCount(row.input_tokens)} / ${formatCount(row.output_tokens)}` },
                { title: t('figures.cost'), dataIndex: 'cost', align: 'right', render: (value: number) => formatCost(value) },
                { title: t('figures.latency'), dataIndex: 'latency_ms', align: 'right', render: (value: number) => formatMilliseconds(value) },
                { title: t('requests.error'), key: 'error', render: (_, row) => (row.error_message ? <Typography.Text type="danger" ellipsis={{ tooltip: row.error_message }} style={{ maxWidth: 240 }}>{row.error_message}</Typography.Text> : null) },
              ]}
            />
          </Card>
        </Space>
      ) : null}
    </QueryState>
  );
}
