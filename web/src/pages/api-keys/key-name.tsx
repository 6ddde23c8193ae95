import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { keyNameOf } from './key-name-of';

/** A key's name in a log or stats row; a revoked key keeps its name and carries a "revoked" tag. */
export function KeyName({ row }: { row: Parameters<typeof keyNameOf>[0] }) {
  const { t } = useTranslation();
  const name = keyNameOf(row);
  return (
    <Space size={4}>
      <span>{name.label}</span>
      {name.revoked ? <Tag>{t('apiKeys.revoked')}</Tag> : null}
    </Space>
  );
}
