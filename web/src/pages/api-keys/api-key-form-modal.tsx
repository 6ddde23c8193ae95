import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { apiKeySchema, createdApiKeySchema, type ApiKeyDto } from '../../api/contract/api-key-dto';
import { errorMessage } from '../../api/api-error';
import { useAdminSession } from '../../auth/admin-session';
import { apiKeyToFormValues, buildApiKeyPayload, type ApiKeyFormValues } from './build-api-key-payload';

type FormShape = Omit<ApiKeyFormValues, 'expires_at'> & { expires_at?: Dayjs | null };

interface ApiKeyFormModalProps {
  /** The key to edit; null to create one. */
  apiKey: ApiKeyDto | null;
  open: boolean;
  onClose: () => void;
  /** After a save; `plaintext` is the new key, present only on creation. */
  onSaved: (plaintext: string | null, name: string) => void;
}

const emptyValues: ApiKeyFormValues = { name: '', is_admin: false, enabled: true, allowed_models: [] };

export function ApiKeyFormModal({ apiKey, open, onClose, onSaved }: ApiKeyFormModalProps) {
  const { client } = useAdminSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormShape>();
  const [saving, setSaving] = useState(false);
  const initial = useMemo(() => (apiKey ? apiKeyToFormValues(apiKey) : emptyValues), [apiKey]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ ...initial, expires_at: initial.expires_at ? dayjs(initial.expires_at) : null });
  }, [open, initial, form]);

  const submit = async (shape: FormShape) => {
    const values: ApiKeyFormValues = { ...shape, expires_at: shape.expires_at ? shape.expires_at.toISOString() : null };
    setSaving(true);
    try {
      if (apiKey) {
        await client.send('PATCH', `/admin/api-keys/${encodeURIComponent(apiKey.id)}`, buildApiKeyPayload(values, 'edit', initial), apiKeySchema);
        onSaved(null, values.name);
      } else {
        const created = await client.send('POST', '/admin/api-keys', buildApiKeyPayload(values, 'create'), createdApiKeySchema);
        onSaved(created.key, created.name);
      }
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={apiKey ? `Edit ${apiKey.name}` : 'Create API key'} open={open} onCancel={onClose} onOk={() => form.submit()} okText={apiKey ? 'Save' : 'Create'} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label="Name" rules={[{ required: true, whitespace: true, message: 'Name is required' }]}>
          <Input placeholder="e.g. alice-laptop" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="is_admin" label="Admin" valuePropName="checked" tooltip="Admin keys can use this dashboard and the admin API">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="enabled" label="Enabled" valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="requests_per_minute" label="Requests per minute" tooltip="Empty = no limit">
              <InputNumber min={1} style={{ width: '100%' }} placeholder="no limit" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="requests_per_day" label="Requests per day" tooltip="Empty = no limit">
              <InputNumber min={1} style={{ width: '100%' }} placeholder="no limit" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="daily_cost" label="Daily budget (USD)">
              <InputNumber min={0} step={1} style={{ width: '100%' }} placeholder="none" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="monthly_cost" label="Monthly budget (USD)">
              <InputNumber min={0} step={1} style={{ width: '100%' }} placeholder="none" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="expires_at" label="Expires" tooltip="Empty = never">
          <DatePicker showTime style={{ width: '100%' }} placeholder="never" />
        </Form.Item>
        <Form.Item name="allowed_models" label="Allowed models" tooltip="Empty = every model">
          <Select mode="tags" tokenSeparators={[',', ' ']} placeholder="every model" open={false} suffixIcon={null} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
