import { App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../api/api-types';
import { unwrap } from '../../api/sluice-api';
import { providerNames, type ProviderName } from './providers';
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
  gemini: 'https://generativelanguage.googleapis.com',
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
  const { t } = useTranslation();
  const { api } = useAdminSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccountFormValues>();
  const [saving, setSaving] = useState(false);
  const editing = account !== null;
  const initial = useMemo<AccountFormValues>(() => (account ? accountToFormValues(account) : { provider: 'amazonq', name: '', enabled: true, models: [] }), [account]);
  const provider = (Form.useWatch('provider', form) ?? initial.provider) as ProviderName;
  const authMethod = (Form.useWatch('auth_method', form) ?? initial.auth_method) as 'social' | 'idc' | 'api_key' | undefined;

  // Filled before the dialog first paints: a field typed into right after opening is never reset.
  useLayoutEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(initial);
    }
  }, [open, initial, form]);

  const submit = async (values: AccountFormValues) => {
    setSaving(true);
    try {
      if (account) {
        const body = buildPatchPayload(initial, { ...values, provider: initial.provider });
        await unwrap(api.PATCH('/admin/accounts/{id}', { params: { path: { id: account.id } }, body: body as never }));
        message.success(t('common.savedName', { name: values.name }));
      } else {
        await unwrap(api.POST('/admin/accounts', { body: buildCreatePayload(values) as never }));
        message.success(t('accountForm.added', { name: values.name }));
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
      title={editing ? t('accountForm.editTitle', { name: account.name }) : t('accounts.add')}
      open={open}
      onClose={onClose}
      size={Math.min(520, window.innerWidth)}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {editing ? t('common.save') : t('common.add')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} requiredMark="optional">
        <Form.Item name="provider" label={t('accounts.provider')} rules={[{ required: true }]}>
          <Select disabled={editing} options={providerNames.map((name) => ({ label: name, value: name }))} />
        </Form.Item>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, message: t('accountForm.required', { name: t('common.name') }) }]}>
          <Input />
        </Form.Item>
        <ProviderCredentialFields provider={provider} editing={editing} authMethod={authMethod} hints={account?.credentials} />
        <Form.Item
          name="base_url"
          label={t('accountForm.baseUrl')}
          rules={provider === 'openai-compatible' && !editing ? [{ required: true, message: t('accountForm.baseUrlRequired') }] : []}
        >
          <Input placeholder={baseUrlHints[provider]} />
        </Form.Item>
        <Row gutter={12}>
          {numberField('requests_per_minute', t('accountForm.requestsPerMinute'), 1)}
          {numberField('max_concurrency', t('accountForm.maxConcurrency'), 1)}
          {numberField('weight', t('accountForm.weight'), 1, t('accountForm.weightHint'))}
          {numberField('priority', t('accountForm.priority'), -1000, t('accountForm.priorityHint'))}
          {numberField('initial_balance', t('accountForm.initialBalance'), 0)}
          {numberField('balance_threshold', t('accountForm.balanceThreshold'), 0)}
        </Row>
        <Form.Item name="proxy_url" label={t('accountForm.proxyUrl')} tooltip={t('accountForm.proxyUrlHint')}>
          <Input placeholder="socks5://user:pass@host:1080" />
        </Form.Item>
        <Form.Item name="user_agent" label={t('accountForm.userAgent')}>
          <Input />
        </Form.Item>
        <Form.Item name="models" label={t('accountForm.models')} tooltip={t('accountForm.modelsHint')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} placeholder={t('accountForm.anyModel')} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="enabled" label={t('common.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
