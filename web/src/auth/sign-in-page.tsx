import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Space, theme, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PreferenceSwitches } from '../layout/preference-switches';
import type { SessionRole } from './admin-session';
import { verifyAdminKey } from './verify-admin-key';

interface SignInPageProps {
  onSignedIn: (apiKey: string, role: SessionRole) => void;
  /** Shown above the form, e.g. after the stored key stopped working. */
  notice?: string | null;
}

export function SignInPage({ onSignedIn, notice }: SignInPageProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async ({ apiKey }: { apiKey: string }) => {
    setChecking(true);
    setFailure(null);
    const result = await verifyAdminKey(apiKey);
    setChecking(false);
    if (result.ok) onSignedIn(apiKey.trim(), result.role);
    else setFailure(result.message);
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, background: token.colorBgLayout }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Space style={{ width: '100%', justifyContent: 'space-between', alignItems: 'baseline' }} wrap>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('signIn.title')}
          </Typography.Title>
          <PreferenceSwitches />
        </Space>
        <Typography.Paragraph type="secondary">{t('signIn.intro')}</Typography.Paragraph>
        {notice && !failure ? <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label={t('signIn.keyLabel')} name="apiKey" rules={[{ required: true, message: t('signIn.enterKey') }]}>
            <Input.Password prefix={<KeyOutlined />} placeholder="amq-…" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={checking}>
            {t('signIn.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
