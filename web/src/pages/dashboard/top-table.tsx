import { Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { KeyUsageRow, ModelUsageRow } from '../../api/api-types';
import { unwrap } from '../../api/sluice-api';
import { QueryState } from '../../components/query-state';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { useAdminQuery } from '../../hooks/use-admin-query';
import { keyNameOf } from '../api-keys/key-name-of';

const thirtyDays = 30 * 86_400_000;
const range = () => ({ from: new Date(Date.now() - thirtyDays).toISOString(), to: new Date().toISOString() });

type Figures = Pick<KeyUsageRow, 'requests' | 'input_tokens' | 'output_tokens' | 'cache_read_tokens' | 'cache_write_tokens' | 'cost'>;

function useFigureColumns<Row extends Figures>(): ColumnsType<Row> {
  const { t } = useTranslation();
  return [
    { title: t('figures.requests'), dataIndex: 'requests', align: 'right', width: 90, render: (value: number) => formatCount(value) },
    { title: t('figures.tokens'), key: 'tokens', align: 'right', width: 90, render: (_, row) => formatCount(row.input_tokens + row.output_tokens + row.cache_read_tokens + row.cache_write_tokens) },
    { title: t('figures.cost'), dataIndex: 'cost', align: 'right', width: 100, render: (value: number) => <span style={{ whiteSpace: 'nowrap' }}>{formatCost(value)}</span> },
  ];
}

/** The ten busiest keys of the last 30 days; a revoked key keeps its name and is marked. */
export function TopKeysTable({ title }: { title: string }) {
  const { t } = useTranslation();
  const figures = useFigureColumns<KeyUsageRow>();
  const query = useAdminQuery((api) => unwrap(api.GET('/admin/stats/keys', { params: { query: range() } })), []);
  const rows = (query.data?.data ?? []).slice(0, 10);
  return (
    <Card size="small" title={title}>
      <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={rows.length === 0} emptyText={t('dashboard.noRequests30')}>
        <Table<KeyUsageRow>
          size="small"
          pagination={false}
          rowKey="key_id"
          dataSource={rows}
          tableLayout="fixed"
          columns={[
            {
              title: t('common.name'),
              key: 'name',
              render: (_, row) => {
                const name = keyNameOf(row);
                return (
                  <Space size={4} style={{ maxWidth: '100%' }}>
                    <Typography.Text ellipsis={{ tooltip: name.label }}>{name.label}</Typography.Text>
                    {name.revoked ? <Tag color="default">{t('apiKeys.revoked')}</Tag> : null}
                  </Space>
                );
              },
            },
            ...figures,
          ]}
        />
      </QueryState>
    </Card>
  );
}

/** The ten most used models of the last 30 days. */
export function TopModelsTable({ title }: { title: string }) {
  const { t } = useTranslation();
  const figures = useFigureColumns<ModelUsageRow>();
  const query = useAdminQuery((api) => unwrap(api.GET('/admin/stats/models', { params: { query: range() } })), []);
  const rows = (query.data?.data ?? []).slice(0, 10);
  return (
    <Card size="small" title={title}>
      <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={rows.length === 0} emptyText={t('dashboard.noRequests30')}>
        <Table<ModelUsageRow>
          size="small"
          pagination={false}
          rowKey="model"
          dataSource={rows}
          tableLayout="fixed"
          columns={[{ title: t('figures.model'), dataIndex: 'model', render: (model: string) => <Typography.Text ellipsis={{ tooltip: model }}>{model}</Typography.Text> }, ...figures]}
        />
      </QueryState>
    </Card>
  );
}
