import { Card, Col, Row, Space, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OverviewDto } from '../../api/api-types';
import { unwrap } from '../../api/sluice-api';
import { QueryState } from '../../components/query-state';
import { useAdminQuery } from '../../hooks/use-admin-query';
import { AccountStatusTag } from '../accounts/account-status-tag';

/** Account counts by status and each account's state at a glance. */
export function AccountHealth({ overview }: { overview: OverviewDto | undefined }) {
  const { t } = useTranslation();
  const query = useAdminQuery((api) => unwrap(api.GET('/admin/accounts')), []);
  const accounts = query.data?.data ?? [];
  const counts = overview?.accounts;
  return (
    <Card size="small" title={t('dashboard.accountHealth')}>
      {counts ? (
        <Row gutter={8} style={{ marginBottom: 12 }}>
          <Col span={6}><Statistic title={t('status.active')} value={counts.active} styles={{ content: { color: '#389e0d' } }} /></Col>
          <Col span={6}><Statistic title={t('status.cooling')} value={counts.cooling} styles={{ content: { color: '#d48806' } }} /></Col>
          <Col span={6}><Statistic title={t('status.quota_exhausted')} value={counts.quota_exhausted} styles={{ content: { color: '#d4380d' } }} /></Col>
          <Col span={6}><Statistic title={t('status.disabled')} value={counts.disabled} styles={{ content: { color: '#8c8c8c' } }} /></Col>
        </Row>
      ) : null}
      <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={accounts.length === 0} emptyText={t('dashboard.noAccounts')}>
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
