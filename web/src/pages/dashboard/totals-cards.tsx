import { Card, Col, Row, Statistic } from 'antd';
import type { OverviewDto, PeriodTotals } from '../../api/contract/stats-dto';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { formatPercent } from '../../format/format-percent';

const periods: { key: 'today' | 'last_7_days' | 'last_30_days'; title: string }[] = [
  { key: 'today', title: 'Today' },
  { key: 'last_7_days', title: 'Last 7 days' },
  { key: 'last_30_days', title: 'Last 30 days' },
];

function totalTokens(totals: PeriodTotals): number {
  return totals.total_tokens ?? (totals.input_tokens ?? 0) + (totals.output_tokens ?? 0) + (totals.cache_read_tokens ?? 0) + (totals.cache_write_tokens ?? 0);
}

function errorRate(totals: PeriodTotals): number | null {
  if (totals.error_rate !== null && totals.error_rate !== undefined) return totals.error_rate;
  const requests = totals.requests ?? 0;
  return requests === 0 ? null : (totals.errors ?? 0) / requests;
}

/** Requests, tokens, cost and error rate for today, 7 and 30 days. */
export function TotalsCards({ overview }: { overview: OverviewDto }) {
  return (
    <Row gutter={[16, 16]}>
      {periods.map(({ key, title }) => {
        const totals = overview[key];
        const rate = errorRate(totals);
        return (
          <Col xs={24} lg={8} key={key}>
            <Card title={title} size="small" data-testid={`totals-${key}`}>
              <Row gutter={[8, 8]}>
                <Col span={12}>
                  <Statistic title="Requests" value={formatCount(totals.requests ?? 0)} />
                </Col>
                <Col span={12}>
                  <Statistic title="Tokens" value={formatCount(totalTokens(totals))} />
                </Col>
                <Col span={12}>
                  <Statistic title="Cost" value={formatCost(totals.cost ?? 0)} />
                </Col>
                <Col span={12}>
                  <Statistic
                    title="Error rate"
                    value={formatPercent(rate)}
                    styles={{ content: { color: rate !== null && rate > 0.05 ? '#cf1322' : undefined } }}
                  />
                </Col>
              </Row>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
