import { Tag } from 'antd';

const colors: Record<string, string> = {
  active: 'green',
  cooling: 'gold',
  quota_exhausted: 'volcano',
  disabled: 'default',
};

const labels: Record<string, string> = {
  active: 'active',
  cooling: 'cooling',
  quota_exhausted: 'quota exhausted',
  disabled: 'disabled',
};

/** Account health as a coloured tag; an account switched off by hand shows "off". */
export function AccountStatusTag({ status, enabled, compact }: { status: string | null | undefined; enabled?: boolean | null; compact?: boolean }) {
  if (enabled === false) return <Tag style={compact ? { marginInlineEnd: 0 } : undefined}>off</Tag>;
  const key = status ?? 'unknown';
  return (
    <Tag color={colors[key] ?? 'default'} style={compact ? { marginInlineEnd: 0 } : undefined}>
      {labels[key] ?? key}
    </Tag>
  );
}
