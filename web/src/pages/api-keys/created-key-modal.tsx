import { Alert, Button, Modal, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shows a new key once, with a copy button. */
export function CreatedKeyModal({ plaintext, name, onClose }: { plaintext: string | null; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Modal title={t('apiKeys.created', { name })} open={plaintext !== null} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>{t('apiKeys.copiedIt')}</Button>} mask={{ closable: false }}>
      <Alert type="warning" showIcon title={t('apiKeys.copyNow')} style={{ marginBottom: 16 }} />
      <div data-testid="created-key" style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', background: token.colorFillTertiary, border: `1px solid ${token.colorBorderSecondary}`, borderRadius: 6, padding: '10px 12px', wordBreak: 'break-all', userSelect: 'all' }}>
        {plaintext}
      </div>
      <Typography.Text copyable={{ text: plaintext ?? '', tooltips: [t('apiKeys.copyKey'), t('apiKeys.copiedTooltip')] }} style={{ display: 'inline-block', marginTop: 8 }}>
        {t('apiKeys.copyToClipboard')}
      </Typography.Text>
    </Modal>
  );
}
