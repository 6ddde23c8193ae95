import { Alert, Button, Empty, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/api-error';

interface QueryStateProps {
  loading: boolean;
  error: unknown;
  empty?: boolean;
  emptyText?: string;
  onRetry?: () => void;
  children: ReactNode;
}

/** The loading, error and empty states every panel shares; renders children once there is data. */
export function QueryState({ loading, error, empty, emptyText, onRetry, children }: QueryStateProps) {
  const { t } = useTranslation();
  if (error) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('common.couldNotLoad')}
        description={errorMessage(error)}
        action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.retry')}</Button> : undefined}
      />
    );
  }
  if (loading && empty !== false) {
    return (
      <div style={{ padding: 32, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  if (empty) return <Empty description={emptyText ?? t('common.nothingYet')} />;
  return <>{children}</>;
}
