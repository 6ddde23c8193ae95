import { App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { accountSchema, providerNames, type AccountDto, type ProviderName } from '../../api/contract/account-dto';
import { errorMessage } from '../../api/api-error';
import { useAdminSession } from '../../auth/admin-session';
import { accountToFormValues, type AccountFormValues } from './account-form-values';
import { buildCreatePayload, buildPatchPayload } from './build-account-payload';
import { ProviderCredentialFields } from './provider-credential-fields';

const baseUrlHints: Record<ProviderName, string> = {
  amazonq: 'https://q.us-east-1.amazonaws.com',
  kiro: 'https://q.us-east-1.amazonaws.com',
  anthropic: 'https://api.anthropic.com',
  openai: 'https://api.openai.com/v1',
  'openai-compatible': 'https://example.com/v1',
  amp: 'https://ampcode.com',
};

interface AccountFormDrawerProps {
  /** The account to edit; null to add a new one. */
  account: AccountDto | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** Add or edit an upstream account, with the fields its provider needs. */
export function AccountFormDrawer({ account, open, onClose, onSaved }: AccountFormDrawerProps) {
  const { client } = useAdminSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountFormValues>();
  const [saving, setSaving] = useState(false);
  const editing = account !== null;
  const initial = useMemo<AccountFormValues>(() => (account ? accountToFormValues(account) : { provider: 'anthropic', name: '', enabled: true, models: [] }), [account]);
  const provider = (Form.useWatch('provider', form) ?? initial.provider) as ProviderName;
  const authMethod = (Form.useWatch('auth_method', form) ?? initial.auth_method) as 'social' | 'idc' | 'api_key' | undefined;

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial);
    }
  }, [open, initial, form]);

  const submit = async (values: AccountFormValues) => {
    setSaving(true);
    try {
      if (account) {
        await client.send('PATCH', `/admin/accounts/${encodeURIComponent(account.id)}`, buildPatchPayload(initial, { ...values, provider: initial.provider }), accountSchema);
        message.success(`Saved ${values.name}`);
      } else {
        await client.send('POST', '/admin/accounts', buildCreatePayload(values), accountSchema);
        message.success(`Added ${values.name}`);
      }
      onSaved();
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const numberField = (name: keyof AccountFormValues, label: string, minimum: number, tooltip?: string) => (
    <Col xs={24} sm={12}>
      <Form.Item name={name} label={label} tooltip={tooltip}>
        <InputNumber min={minimum} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <Drawer
      title={editing ? `Edit ${account.name}` : 'Add account'}
      open={open}
      onClose={onClose}
      size={Math.min(520, window.innerWidth)}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {editing ? 'Save' : 'Add'}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} requiredMark="optional">
        <Form.Item name="provider" label="Provider" rules={[{ required: true }]}>
          <Select disabled={editing} options={providerNames.map((name) => ({ label: name, value: name }))} />
        </Form.Item>
        <Form.Item name="name" label="Name" rules={[{ required: true, message: 'Name is required' }]}>
          <Input />
        </Form.Item>
        <ProviderCredentialFields provider={provider} editing={editing} authMethod={authMethod} hints={account?.credentials} />
        <Form.Item
          name="base_url"
          label="Base URL"
          rules={provider === 'openai-compatible' && !editing ? [{ required: true, message: 'Base URL is required for OpenAI-compatible accounts' }] : []}
        >
          <Input placeholder={baseUrlHints[provider]} />
        </Form.Item>
        <Row gutter={12}>
          {numberField('requests_per_minute', 'Requests per minute', 1)}
          {numberField('max_concurrency', 'Max concurrency', 1)}
          {numberField('weight', 'Weight', 1, 'For weighted routing (1–1000)')}
          {numberField('priority', 'Priority', -1000, 'For priority routing; higher first')}
          {numberField('initial_balance', 'Initial balance', 0)}
          {numberField('balance_threshold', 'Balance alert threshold', 0)}
        </Row>
        <Form.Item name="proxy_url" label="Proxy URL" tooltip="http://, https:// or socks5:// egress proxy for this account">
          <Input placeholder="socks5://user:pass@host:1080" />
        </Form.Item>
        <Form.Item name="user_agent" label="User agent">
          <Input />
        </Form.Item>
        <Form.Item name="models" label="Models" tooltip="Models this account serves (exact names or * globs); empty = any">
          <Select mode="tags" tokenSeparators={[',', ' ']} placeholder="any model" open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="enabled" label="Enabled" valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
