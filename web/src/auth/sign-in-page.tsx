import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { verifyAdminKey } from './verify-admin-key';

interface SignInPageProps {
  onSignedIn: (adminKey: string) => void;
  /** Shown above the form, e.g. after the stored key stopped working. */
  notice?: string | null;
}

export function SignInPage({ onSignedIn, notice }: SignInPageProps) {
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async ({ adminKey }: { adminKey: string }) => {
    setChecking(true);
    setFailure(null);
    const result = await verifyAdminKey(adminKey);
    setChecking(false);
    if (result.ok) onSignedIn(adminKey.trim());
    else setFailure(result.message);
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', padding: 16, background: '#f5f7fa' }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Sluice admin
        </Typography.Title>
        <Typography.Paragraph type="secondary">Sign in with an admin API key. It stays in this browser until you sign out.</Typography.Paragraph>
        {notice && !failure ? <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
        {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} role="alert" /> : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="Admin API key" name="adminKey" rules={[{ required: true, message: 'Enter an admin API key.' }]}>
            <Input.Password prefix={<KeyOutlined />} placeholder="amq-…" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={checking}>
            Sign in
          </Button>
        </Form>
      </Card>
    </div>
  );
}
