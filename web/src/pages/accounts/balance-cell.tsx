import { Progress, Typography } from 'antd';
import type { BalanceDto } from '../../api/contract/account-dto';
import { formatCount } from '../../format/format-count';

function formatAmount(value: number, unit: string | null | undefined): string {
  const text = Number.isInteger(value) ? formatCount(value) : value.toFixed(2);
  if (unit === 'USD') return `$${text}`;
  return unit ? `${text} ${unit}` : text;
}

/** Remaining balance as a bar when both remaining and limit are known, else the number (or the upstream's text). */
export function BalanceCell({ balance }: { balance: BalanceDto | null | undefined }) {
  if (!balance) return <Typography.Text type="secondary">—</Typography.Text>;
  const { remaining, limit, unit } = balance;
  if (typeof remaining === 'number' && typeof limit === 'number' && limit > 0) {
    const percent = Math.max(0, Math.min(100, (remaining / limit) * 100));
    return (
      <div style={{ minWidth: 120 }} title={`${formatAmount(remaining, unit)} of ${formatAmount(limit, unit)}`}>
        <Progress percent={Math.round(percent)} size="small" status={percent < 10 ? 'exception' : 'normal'} format={() => formatAmount(remaining, unit)} />
      </div>
    );
  }
  if (typeof remaining === 'number') return <span>{formatAmount(remaining, unit)}</span>;
  if (balance.raw) return <Typography.Text ellipsis style={{ maxWidth: 160 }}>{balance.raw}</Typography.Text>;
  return <Typography.Text type="secondary">—</Typography.Text>;
}
