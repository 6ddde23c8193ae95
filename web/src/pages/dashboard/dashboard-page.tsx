import { Col, Row, Space } from 'antd';
import { overviewSchema } from '../../api/contract/stats-dto';
import { QueryState } from '../../components/query-state';
import { useAdminQuery } from '../../hooks/use-admin-query';
import { AccountHealth } from './account-health';
import { TimelinePanel } from './timeline-panel';
import { TopTable } from './top-table';
import { TotalsCards } from './totals-cards';

export function DashboardPage() {
  const overview = useAdminQuery((client) => client.get('/admin/stats/overview', overviewSchema), []);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <QueryState loading={overview.loading} error={overview.error} onRetry={overview.reload} empty={!overview.data}>
        {overview.data ? <TotalsCards overview={overview.data} /> : null}
      </QueryState>
      <TimelinePanel />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <TopTable title="Top keys (30 days)" path="/admin/stats/keys" nameOf={(row) => row.key_name ?? row.key_id ?? 'unknown'} />
        </Col>
        <Col xs={24} lg={12}>
          <TopTable title="Top models (30 days)" path="/admin/stats/models" nameOf={(row) => row.model ?? 'unknown'} />
        </Col>
      </Row>
      <AccountHealth overview={overview.data} />
    </Space>
  );
}
