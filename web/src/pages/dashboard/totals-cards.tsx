import { Card, Col, Row, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OverviewDto, PeriodTotals } from '../../api/api-types';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { formatPercent } from '../../format/format-percent';

const periods = ['today', 'last_7_days', 'last_30_days'] as const;

function errorRate(totals: PeriodTotals): number | null {
  return totals.requests === 0 ? null : totals.error_rate;
}

/** Requests, tokens, cost and error rate for today (in the server's time zone), 7 and 30 days. */
export function TotalsCards({ overview }: { overview: OverviewDto }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      {periods.map((key) => {
        const totals = overview[key];
        const rate = errorRate(totals);
        return (
          <Col xs={24} lg={8} key={key}>
            <Card
              title={t(`dashboard.periods.${key}`)}
              extra={key === 'today' ? <Tag title={t('dashboard.dayBoundaryHint')}>{overview.timezone}</Tag> : null}
              size="small"
              data-testid={`totals-${key}`}
            >
              <Row gutter={[8, 8]}>
                <Col span={12}>
                  <Statistic title={t('figures.requests')} value={formatCount(totals.requests)} />
                </Col>
                <Col span={12}>
                  <Statistic title={t('figures.tokens')} value={formatCount(totals.total_tokens)} />
                </Col>
                <Col span={12}>
                  <Statistic title={t('figures.cost')} value={formatCost(totals.cost)} />
                </Col>
                <Col span={12}>
                  <Statistic title={t('figures.errorRate')} value={formatPercent(rate)} styles={{ content: { color: rate !== null && rate > 0.05 ? '#cf1322' : undefined } }} />
                </Col>
              </Row>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
