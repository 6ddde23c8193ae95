import { Card, Table } from 'antd';
import { topListSchema, type TopRow } from '../../api/contract/stats-dto';
import { QueryState } from '../../components/query-state';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { useAdminQuery } from '../../hooks/use-admin-query';

interface TopTableProps {
  title: string;
  path: '/admin/stats/keys' | '/admin/stats/models';
  nameOf: (row: TopRow) => string;
}

const thirtyDays = 30 * 86_400_000;

/** The top entries of the last 30 days by requests. */
export function TopTable({ title, path, nameOf }: TopTableProps) {
  const query = useAdminQuery((client) => client.get(path, topListSchema, { from: new Date(Date.now() - thirtyDays).toISOString(), to: new Date().toISOString() }), [path]);
  const rows = (query.data?.data ?? []).slice(0, 10);
  return (
    <Card size="small" title={title}>
      <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={rows.length === 0} emptyText="No requests in the last 30 days">
        <Table<TopRow>
          size="small"
          pagination={false}
          rowKey={(row) => nameOf(row)}
          dataSource={rows}
          scroll={{ x: true }}
          columns={[
            { title: 'Name', key: 'name', render: (_, row) => nameOf(row), ellipsis: true },
            { title: 'Requests', dataIndex: 'requests', align: 'right', render: (value: number | null) => formatCount(value) },
            { title: 'Tokens', key: 'tokens', align: 'right', render: (_, row) => formatCount((row.input_tokens ?? 0) + (row.output_tokens ?? 0) + (row.cache_read_tokens ?? 0) + (row.cache_write_tokens ?? 0)) },
            { title: 'Cost', dataIndex: 'cost', align: 'right', render: (value: number | null) => formatCost(value) },
          ]}
        />
      </QueryState>
    </Card>
  );
}
