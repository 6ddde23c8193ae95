import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export const accountStatuses = ['active', 'cooling', 'quota_exhausted', 'disabled'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

const colors: Record<AccountStatus, string> = { active: 'green', cooling: 'gold', quota_exhausted: 'volcano', disabled: 'default' };

export const isAccountStatus = (status: string): status is AccountStatus => (accountStatuses as readonly string[]).includes(status);

/** Account health as a coloured tag; an account switched off by hand shows "off". */
export function AccountStatusTag({ status, enabled, compact }: { status: string | null | undefined; enabled?: boolean | null; compact?: boolean }) {
  const { t } = useTranslation();
  const style = compact ? { marginInlineEnd: 0 } : undefined;
  if (enabled === false) return <Tag style={style}>{t('status.off')}</Tag>;
  const key = status ?? 'unknown';
  return (
    <Tag color={isAccountStatus(key) ? colors[key] : 'default'} style={style}>
      {isAccountStatus(key) ? t(`status.${key}`) : key}
    </Tag>
  );
}
