import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { requestLogPageSchema, type RequestLogDto } from '../../api/contract/request-log-dto';
import { useAdminSession } from '../../auth/admin-session';
import { QueryState } from '../../components/query-state';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { formatDateTime } from '../../format/format-date-time';
import { formatMilliseconds } from '../../format/format-milliseconds';
import { RequestDetailDrawer } from './request-detail-drawer';
import { filterQuery, RequestFilters, type RequestFilterValues } from './request-filters';

const pageSize = 50;

export function RequestsPage() {
  const { client } = useAdminSession();
  const [filters, setFilters] = useState<RequestFilterValues>({});
  const [rows, setRows] = useState<RequestLogDto[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [selected, setSelected] = useState<RequestLogDto | null>(null);
  const generation = useRef(0);

  const load = useCallback(
    async (from: string | null) => {
      const current = ++generation.current;
      setLoading(true);
      try {
        const page = await client.get('/admin/requests', requestLogPageSchema, { ...filterQuery(filters), limit: pageSize, cursor: from ?? undefined });
        if (current !== generation.current) return;
        setRows((previous) => (from ? [...previous, ...page.data] : page.data));
        setCursor(page.next_cursor ?? null);
        setError(undefined);
      } catch (failure) {
        if (current === generation.current) setError(failure);
      } finally {
        if (current === generation.current) setLoading(false);
      }
    },
    [client, filters],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <Card title="Request logs" size="small" extra={<Button size="small" onClick={() => void load(null)}>Refresh</Button>}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <RequestFilters onChange={setFilters} />
        <QueryState loading={loading} error={error} onRetry={() => void load(null)} empty={rows.length === 0} emptyText="No requests match">
          <Table<RequestLogDto>
            rowKey="id"
            size="small"
            dataSource={rows}
            pagination={false}
            loading={loading}
            scroll={{ x: 'max-content' }}
            onRow={(row) => ({ onClick: () => setSelected(row), style: { cursor: 'pointer' } })}
            columns={[
              { title: 'Time', dataIndex: 'created_at', render: (value: string) => formatDateTime(value) },
              { title: 'Status', key: 'status', render: (_, row) => <Tag color={row.status === 'success' ? 'green' : 'red'}>{row.http_status ?? row.status}</Tag> },
              { title: 'Key', key: 'key', render: (_, row) => row.api_key_name ?? row.api_key_id ?? '—' },
              { title: 'Model', key: 'model', render: (_, row) => row.requested_model ?? '—' },
              { title: 'Account', key: 'account', render: (_, row) => row.account_name ?? row.account_id ?? '—' },
              { title: 'Tokens in/out', key: 'tokens', align: 'right', render: (_, row) => `${formatCount(row.input_tokens)} / ${formatCount(row.output_tokens)}` },
              { title: 'Cost', dataIndex: 'cost', align: 'right', render: (value: number | null) => formatCost(value) },
              { title: 'Latency', dataIndex: 'latency_ms', align: 'right', render: (value: number | null) => formatMilliseconds(value) },
              { title: 'Error', dataIndex: 'error_message', render: (value: string | null) => (value ? <Typography.Text type="danger" ellipsis style={{ maxWidth: 200 }}>{value}</Typography.Text> : null) },
            ]}
          />
          <div style={{ textAlign: 'center', marginTop: 12 }}>
            {cursor ? <Button onClick={() => void load(cursor)} loading={loading}>Load more</Button> : <Typography.Text type="secondary">{rows.length} shown, no more</Typography.Text>}
          </div>
        </QueryState>
      </Space>
      <RequestDetailDrawer request={selected} onClose={() => setSelected(null)} />
    </Card>
  );
}
