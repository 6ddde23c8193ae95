import { Progress, Typography } from 'antd';
import type { BalanceDto } from '../../api/contract/account-dto';
import { formatCount } from '../../format/format-count';

function formatAmount(value: number, unit: string | null | undefined): string {
  const text = Number.isInteger(value) ? formatCount(value) : value.toFixed(2);
  if (unit === 'USD') return `$${text}`;
  return unit ? `${text} ${unit}` : text;
}

/** The parts of the allowance (base, free trial, bonuses), the overage and the reset, for the tooltip. */
export function balanceDetails(balance: BalanceDto): string {
  const parts = (balance.breakdown ?? []).map((part) => `${part.label} ${formatAmount(part.used, null)}/${formatAmount(part.limit, null)}`);
  if (balance.overage) parts.push(`overage ${balance.overage.enabled ? 'on' : 'off'}${balance.overage.used ? ` (${formatAmount(balance.overage.used, null)} used)` : ''}`);
  const reset = balance.resetAt ?? balance.reset_at;
  if (reset !== null && reset !== undefined) parts.push(`resets ${new Date(reset).toLocaleString()}`);
  return parts.join(' · ');
}

/** Remaining balance as a bar when both remaining and limit are known, else the number (or the upstream's text). */
export function BalanceCell({ balance }: { balance: BalanceDto | null | undefined }) {
  if (!balance) return <Typography.Text type="secondary">—</Typography.Text>;
  const { remaining, limit, unit } = balance;
  if (typeof remaining === 'number' && typeof limit === 'number' && limit > 0) {
    const percent = Math.max(0, Math.min(100, (remaining / limit) * 100));
    return (
      <div style={{ minWidth: 120 }} title={[`${formatAmount(remaining, unit)} of ${formatAmount(limit, unit)}`, balanceDetails(balance)].filter(Boolean).join(' · ')}>
        <Progress percent={Math.round(percent)} size="small" status={percent < 10 ? 'exception' : 'normal'} format={() => formatAmount(remaining, unit)} />
      </div>
    );
  }
  if (typeof remaining === 'number') return <span>{formatAmount(remaining, unit)}</span>;
  if (balance.raw) return <Typography.Text ellipsis style={{ maxWidth: 160 }}>{balance.raw}</Typography.Text>;
  return <Typography.Text type="secondary">—</Typography.Text>;
}
