import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestLogDto } from '../../api/api-types';
import { unwrap } from '../../api/sluice-api';
import { useCursorPages } from '../../api/use-cursor-pages';
import { useAdminSession } from '../../auth/admin-session';
import { QueryState } from '../../components/query-state';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { formatDateTime } from '../../format/format-date-time';
import { formatMilliseconds } from '../../format/format-milliseconds';
import { KeyName } from '../api-keys/key-name';
import { RequestDetailDrawer } from './request-detail-drawer';
import { filterQuery, RequestFilters, type RequestFilterValues } from './request-filters';

const pageSize = 50;

export function RequestsPage() {
  const { t } = useTranslation();
  const { api } = useAdminSession();
  const [filters, setFilters] = useState<RequestFilterValues>({});
  const [selected, setSelected] = useState<RequestLogDto | null>(null);
  const fetchPage = useCallback(
    (cursor: string | undefined) => unwrap(api.GET('/admin/requests', { params: { query: { ...filterQuery(filters), limit: pageSize, cursor } } })),
    [api, filters],
  );
  const { rows, cursor, loading, error, load } = useCursorPages<RequestLogDto>(fetchPage);

  return (
    <Card title={t('pages.requests')} size="small" extra={<Button size="small" onClick={() => void load(null)}>{t('common.refresh')}</Button>}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <RequestFilters onChange={setFilters} />
        <QueryState loading={loading} error={error} onRetry={() => void load(null)} empty={rows.length === 0} emptyText={t('requests.noneMatch')}>
          <Table<RequestLogDto>
            rowKey="id"
            size="small"
            dataSource={rows}
            pagination={false}
            loading={loading}
            scroll={{ x: 'max-content' }}
            onRow={(row) => ({ onClick: () => setSelected(row), style: { cursor: 'pointer' } })}
            columns={[
              { title: t('requests.time'), dataIndex: 'created_at', render: (value: string) => formatDateTime(value) },
              { title: t('requests.status'), key: 'status', render: (_, row) => <Tag color={row.status === 'success' ? 'green' : 'red'}>{row.http_status}</Tag> },
              { title: t('requests.key'), key: 'key', render: (_, row) => <KeyName row={row} /> },
              { title: t('figures.model'), dataIndex: 'requested_model' },
              { title: t('requests.account'), key: 'account', render: (_, row) => row.account_name ?? row.account_id ?? '—' },
              { title: t('requests.tokensInOut'), key: 'tokens', align: 'right', render: (_, row) => `${formatCount(row.input_tokens)} / ${formatCount(row.output_tokens)}` },
              { title: t('figures.cost'), dataIndex: 'cost', align: 'right', render: (value: number) => formatCost(value) },
              { title: t('figures.latency'), dataIndex: 'latency_ms', align: 'right', render: (value: number) => formatMilliseconds(value) },
              { title: t('requests.error'), dataIndex: 'error_message', render: (value: string | null) => (value ? <Typography.Text type="danger" ellipsis={{ tooltip: value }} style={{ maxWidth: 240 }}>{value}</Typography.Text> : null) },
            ]}
          />
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            {cursor ? <Button onClick={() => void load(cursor)} loading={loading}>{t('requests.loadMore')}</Button> : <Typography.Text type="secondary">{t('requests.shownNoMore', { count: rows.length })}</Typography.Text>}
          </div>
        </QueryState>
      </Space>
      <RequestDetailDrawer request={selected} onClose={() => setSelected(null)} />
    </Card>
  );
}
