import { Card, Descriptions, Drawer, Empty, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto, AccountHistoryDto } from '../../api/api-types';
import { unwrap } from '../../api/sluice-api';
import { TimeSeriesChart } from '../../charts/time-series-chart';
import { QueryState } from '../../components/query-state';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { formatDateTime } from '../../format/format-date-time';
import { formatDay } from '../../format/format-day';
import { useAdminQuery } from '../../hooks/use-admin-query';
import { AccountStatusTag } from './account-status-tag';
import { BalanceCell } from './balance-cell';

type FailedRequest = AccountHistoryDto['failed_requests'][number];

function HistoryBody({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const query = useAdminQuery((api) => unwrap(api.GET('/admin/accounts/{id}/history', { params: { path: { id: account.id }, query: { days: 30 } } })), [account.id]);
  const history = query.data;
  return (
    <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={!history}>
      {history ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('accounts.provider')}>{account.provider}</Descriptions.Item>
            <Descriptions.Item label={t('accounts.status')}>
              <AccountStatusTag status={account.status} enabled={account.enabled} /> {account.status_reason ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('accounts.balance')}>
              <BalanceCell balance={account.balance} />
            </Descriptions.Item>
            <Descriptions.Item label={t('accountDetail.totals')}>
              {t('accountDetail.totalsValue', { requests: formatCount(account.total_requests), tokens: formatCount(account.total_tokens), cost: formatCost(account.total_cost) })}
            </Descriptions.Item>
            <Descriptions.Item label={t('accountDetail.lastUsed')}>{formatDateTime(account.last_used_at)}</Descriptions.Item>
          </Descriptions>
          <Card size="small" title={t('accountDetail.usage')} extra={<Tag title={t('dashboard.dayBoundaryHint')}>{history.timezone}</Tag>}>
            {history.usage.length === 0 ? (
              <Empty description={t('accountDetail.noUsage')} />
            ) : (
              <TimeSeriesChart
                height={200}
                integer
                stacked={false}
                series={{
                  labels: history.usage.map((day) => formatDay(day.day, history.timezone)),
                  series: [
                    { name: t('figures.requests'), values: history.usage.map((day) => day.requests) },
                    { name: t('figures.errors'), values: history.usage.map((day) => day.errors) },
                  ],
                }}
              />
            )}
          </Card>
          <Card size="small" title={t('accountDetail.balanceOverTime')}>
            {history.balance.length === 0 ? (
              <Empty description={t('accountDetail.noBalance')} />
            ) : (
              <TimeSeriesChart
                height={180}
                kind="line"
                series={{ labels: history.balance.map((event) => formatDateTime(event.at)), series: [{ name: t('accounts.balance'), values: history.balance.map((event) => event.balance_remaining ?? 0) }] }}
              />
            )}
          </Card>
          <Card size="small" title={t('accountDetail.healthHistory')}>
            {history.status_changes.length === 0 ? (
              <Empty description={t('accountDetail.noStatusChanges')} />
            ) : (
              <Timeline
                items={history.status_changes.map((event) => ({
                  key: event.at,
                  color: event.status === 'active' ? 'green' : event.status === 'cooling' ? 'orange' : 'red',
                  content: (
                    <span>
                      <AccountStatusTag status={event.status} /> {formatDateTime(event.at)}
                      {event.message ? <Typography.Text type="secondary"> — {event.message}</Typography.Text> : null}
                    </span>
                  ),
                }))}
              />
            )}
          </Card>
          <Card size="small" title={t('accountDetail.recentErrors')}>
            {history.errors.length === 0 && history.failed_requests.length === 0 ? <Empty description={t('accountDetail.noErrors')} /> : null}
            {history.errors.map((event) => (
              <Typography.Paragraph key={event.at} style={{ marginBottom: 8, wordBreak: 'break-word' }}>
                <Typography.Text type="secondary">{formatDateTime(event.at)}</Typography.Text> <Typography.Text type="danger">{event.message}</Typography.Text>
              </Typography.Paragraph>
            ))}
            {history.failed_requests.length > 0 ? (
              <Table<FailedRequest>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={history.failed_requests}
                tableLayout="fixed"
                columns={[
                  { title: t('requests.time'), dataIndex: 'created_at', width: 150, render: (value: string) => formatDateTime(value) },
                  { title: 'HTTP', dataIndex: 'http_status', width: 60 },
                  { title: t('requests.error'), key: 'error', render: (_, row) => <span style={{ wordBreak: 'break-word' }}>{row.error_message ?? row.error_type ?? '—'}</span> },
                ]}
              />
            ) : null}
          </Card>
        </Space>
      ) : null}
    </QueryState>
  );
}

/** Health history, recent errors, balance over time and usage of one account. */
export function AccountDetailDrawer({ account, onClose }: { account: AccountDto | null; onClose: () => void }) {
  return (
    <Drawer title={account?.name} open={account !== null} onClose={onClose} size={Math.min(640, window.innerWidth)} destroyOnHidden>
      {account ? <HistoryBody account={account} /> : null}
    </Drawer>
  );
}
