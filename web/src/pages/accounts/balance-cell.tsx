import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format/format-count';

function formatAmount(value: number, unit: string | null | undefined): string {
  const text = Number.isInteger(value) ? formatCount(value) : value.toFixed(2);
  if (unit === 'USD') return `$${text}`;
  return unit ? `${text} ${unit}` : text;
}

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** Remaining balance as a bar when both remaining and limit are known, else the number (or the upstream's text). */
export function BalanceCell({ balance }: { balance: Record<string, unknown> | null | undefined }) {
  const { t } = useTranslation();
  if (!balance) return <Typography.Text type="secondary">—</Typography.Text>;
  const remaining = numberOrNull(balance.remaining);
  const limit = numberOrNull(balance.limit);
  const unit = stringOrNull(balance.unit);
  if (remaining !== null && limit !== null && limit > 0) {
    const percent = Math.max(0, Math.min(100, (remaining / limit) * 100));
    return (
      <div style={{ minWidth: 120 }} title={t('accounts.balanceOf', { remaining: formatAmount(remaining, unit), limit: formatAmount(limit, unit) })}>
        <Progress percent={Math.round(percent)} size="small" status={percent < 10 ? 'exception' : 'normal'} format={() => formatAmount(remaining, unit)} />
      </div>
    );
  }
  if (remaining !== null) return <span>{formatAmount(remaining, unit)}</span>;
  const raw = stringOrNull(balance.raw);
  if (raw) return <Typography.Text ellipsis={{ tooltip: raw }} style={{ maxWidth: 160 }}>{raw}</Typography.Text>;
  return <Typography.Text type="secondary">—</Typography.Text>;
}
