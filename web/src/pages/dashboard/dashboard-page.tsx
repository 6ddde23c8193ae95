import { Col, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/sluice-api';
import { QueryState } from '../../components/query-state';
import { useAdminQuery } from '../../hooks/use-admin-query';
import { AccountHealth } from './account-health';
import { TimelinePanel } from './timeline-panel';
import { TopKeysTable, TopModelsTable } from './top-table';
import { TotalsCards } from './totals-cards';

export function DashboardPage() {
  const { t } = useTranslation();
  const overview = useAdminQuery((api) => unwrap(api.GET('/admin/stats/overview')), []);
  const timeZone = overview.data?.timezone ?? 'UTC';
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <QueryState loading={overview.loading} error={overview.error} onRetry={overview.reload} empty={!overview.data}>
        {overview.data ? <TotalsCards overview={overview.data} /> : null}
      </QueryState>
      <TimelinePanel timeZone={timeZone} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <TopKeysTable title={t('dashboard.topKeys')} />
        </Col>
        <Col xs={24} xl={12}>
          <TopModelsTable title={t('dashboard.topModels')} />
        </Col>
      </Row>
      <AccountHealth overview={overview.data} />
    </Space>
  );
}
