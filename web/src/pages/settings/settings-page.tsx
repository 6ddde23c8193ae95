import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { routingStrategies, settingsSchema, webhookEventNames } from '../../api/contract/settings-dto';
import { errorMessage } from '../../api/api-error';
import { useAdminSession } from '../../auth/admin-session';
import { QueryState } from '../../components/query-state';
import { useAdminQuery } from '../../hooks/use-admin-query';
import { formToSettingsPatch, settingsToForm, type SettingsFormValues } from './settings-form';

const priceColumns = [
  { name: 'input', label: 'Input' },
  { name: 'output', label: 'Output' },
  { name: 'cache_read', label: 'Cache read' },
  { name: 'cache_write', label: 'Cache write' },
] as const;

export function SettingsPage() {
  const { client } = useAdminSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsFormValues>();
  const [saving, setSaving] = useState(false);
  const query = useAdminQuery((adminClient) => adminClient.get('/admin/settings', settingsSchema), []);

  useEffect(() => {
    if (query.data) form.setFieldsValue(settingsToForm(query.data));
  }, [query.data, form]);

  const save = async (values: SettingsFormValues) => {
    setSaving(true);
    try {
      const saved = await client.send('PATCH', '/admin/settings', formToSettingsPatch(values), settingsSchema);
      form.setFieldsValue(settingsToForm(saved));
      message.success('Settings saved');
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={!query.data}>
      <Form form={form} layout="vertical" onFinish={save}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card size="small" title="Routing">
            <Row gutter={16}>
              <Col xs={24} sm={12}>
                <Form.Item name="routing_strategy" label="Routing strategy">
                  <Select options={routingStrategies.map((strategy) => ({ label: strategy.replace('_', ' '), value: strategy }))} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={12}>
                <Form.Item name="log_retention_days" label="Keep request logs (days)" tooltip="Hourly and daily roll-ups are kept longer">
                  <InputNumber min={1} max={3650} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card size="small" title="Model mappings" extra={<Typography.Text type="secondary">requested → sent upstream</Typography.Text>}>
            <Form.List name="model_mappings">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                      <Form.Item name={[field.name, 'from']} rules={[{ required: true, message: 'Model' }]}>
                        <Input placeholder="gpt-4" aria-label="Requested model" />
                      </Form.Item>
                      <span>→</span>
                      <Form.Item name={[field.name, 'to']} rules={[{ required: true, message: 'Target' }]}>
                        <Input placeholder="claude-sonnet-4.5" aria-label="Upstream model" />
                      </Form.Item>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="Remove mapping" />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ from: '', to: '' })}>Add mapping</Button>
                </>
              )}
            </Form.List>
          </Card>
          <Card size="small" title="Price overrides" extra={<Typography.Text type="secondary">USD per million tokens</Typography.Text>}>
            <Form.List name="prices">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                      <Form.Item name={[field.name, 'model']} rules={[{ required: true, message: 'Model' }]}>
                        <Input placeholder="model" aria-label="Price model" style={{ width: 180 }} />
                      </Form.Item>
                      {priceColumns.map((column) => (
                        <Form.Item key={column.name} name={[field.name, column.name]} rules={column.name === 'input' || column.name === 'output' ? [{ required: true, message: column.label }] : []}>
                          <InputNumber min={0} placeholder={column.label} aria-label={column.label} style={{ width: 110 }} />
                        </Form.Item>
                      ))}
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="Remove price" />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ model: '', input: null, output: null })}>Add price</Button>
                </>
              )}
            </Form.List>
          </Card>
          <Card size="small" title="Webhooks">
            <Form.List name="webhooks">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                      <Form.Item name={[field.name, 'url']} rules={[{ required: true, type: 'url', message: 'A URL' }]}>
                        <Input placeholder="https://hooks.example.com/sluice" aria-label="Webhook URL" style={{ width: 260 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'events']}>
                        <Select mode="multiple" placeholder="events" aria-label="Webhook events" style={{ minWidth: 220 }} options={webhookEventNames.map((name) => ({ label: name, value: name }))} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'secret']}>
                        <Input.Password placeholder="signing secret (optional)" aria-label="Webhook secret" autoComplete="new-password" />
                      </Form.Item>
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="Remove webhook" />
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ url: '', events: [...webhookEventNames] })}>Add webhook</Button>
                </>
              )}
            </Form.List>
          </Card>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>Save settings</Button>
            <Button onClick={() => query.data && form.setFieldsValue(settingsToForm(query.data))}>Discard changes</Button>
          </Space>
        </Space>
      </Form>
    </QueryState>
  );
}
