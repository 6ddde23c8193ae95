import { Card, Col, Row, Space, Statistic, Tag } from 'antd';
import { accountListSchema } from '../../api/contract/account-dto';
import type { OverviewDto } from '../../api/contract/stats-dto';
import { QueryState } from '../../components/query-state';
import { useAdminQuery } from '../../hooks/use-admin-query';
import { AccountStatusTag } from '../accounts/account-status-tag';

/** Account counts by status and each account's state at a glance. */
export function AccountHealth({ overview }: { overview: OverviewDto | undefined }) {
  const query = useAdminQuery((client) => client.get('/admin/accounts', accountListSchema), []);
  const accounts = query.data?.data ?? [];
  const counts = overview?.accounts;
  return (
    <Card size="small" title="Account health">
      {counts ? (
        <Row gutter={8} style={{ marginBottom: 12 }}>
          <Col span={6}><Statistic title="Active" value={counts.active ?? 0} styles={{ content: { color: '#389e0d' } }} /></Col>
          <Col span={6}><Statistic title="Cooling" value={counts.cooling ?? 0} styles={{ content: { color: '#d48806' } }} /></Col>
          <Col span={6}><Statistic title="Quota out" value={counts.quota_exhausted ?? 0} styles={{ content: { color: '#d4380d' } }} /></Col>
          <Col span={6}><Statistic title="Disabled" value={counts.disabled ?? 0} styles={{ content: { color: '#8c8c8c' } }} /></Col>
        </Row>
      ) : null}
      <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={accounts.length === 0} emptyText="No accounts yet: add one on the Accounts page">
        <Space wrap>
          {accounts.map((account) => (
            <Tag key={account.id} style={{ padding: '2px 6px' }} title={account.status_reason ?? account.last_error ?? undefined}>
              {account.name} <AccountStatusTag status={account.status} enabled={account.enabled} compact />
            </Tag>
          ))}
        </Space>
      </QueryState>
    </Card>
  );
}
