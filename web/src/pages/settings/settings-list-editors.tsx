import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';

const priceColumns = ['input', 'output', 'cache_read', 'cache_write'] as const;

/** Requested model → model sent upstream, one row each. */
export function ModelMappingsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="model_mappings">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
              <Form.Item name={[field.name, 'from']} rules={[{ required: true, message: t('settings.mappings.requested') }]}>
                <Input placeholder="gpt-4" aria-label={t('settings.mappings.requested')} />
              </Form.Item>
              <span>→</span>
              <Form.Item name={[field.name, 'to']} rules={[{ required: true, message: t('settings.mappings.upstream') }]}>
                <Input placeholder="claude-sonnet-4.5" aria-label={t('settings.mappings.upstream')} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('settings.mappings.remove')} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ from: '', to: '' })}>{t('settings.mappings.add')}</Button>
        </>
      )}
    </Form.List>
  );
}

/** Price overrides in USD per million tokens. */
export function PricesEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="prices">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
              <Form.Item name={[field.name, 'model']} rules={[{ required: true, message: t('figures.model') }]}>
                <Input placeholder={t('figures.model')} aria-label={t('settings.prices.model')} style={{ width: 180 }} />
              </Form.Item>
              {priceColumns.map((column) => (
                <Form.Item key={column} name={[field.name, column]} rules={column === 'input' || column === 'output' ? [{ required: true, message: t(`settings.prices.${column}`) }] : []}>
                  <InputNumber min={0} placeholder={t(`settings.prices.${column}`)} aria-label={t(`settings.prices.${column}`)} style={{ width: 110 }} />
                </Form.Item>
              ))}
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('settings.prices.remove')} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ model: '', input: null, output: null })}>{t('settings.prices.add')}</Button>
        </>
      )}
    </Form.List>
  );
}

/** Alert webhooks: URL, events, optional signing secret (never shown back). */
export function WebhooksEditor({ eventNames }: { eventNames: string[] }) {
  const { t } = useTranslation();
  return (
    <Form.List name="webhooks">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
              <Form.Item name={[field.name, 'url']} rules={[{ required: true, type: 'url', message: t('settings.webhooks.urlRequired') }]}>
                <Input placeholder="https://hooks.example.com/sluice" aria-label={t('settings.webhooks.url')} style={{ width: 260, maxWidth: '100%' }} />
              </Form.Item>
              <Form.Item name={[field.name, 'events']} rules={[{ required: true, type: 'array', min: 1, message: t('settings.webhooks.eventsRequired') }]}>
                <Select mode="multiple" placeholder={t('settings.webhooks.events')} aria-label={t('settings.webhooks.events')} style={{ minWidth: 220 }} options={eventNames.map((name) => ({ label: name, value: name }))} />
              </Form.Item>
              <Form.Item name={[field.name, 'secret']}>
                <Input.Password placeholder={t('settings.webhooks.secret')} aria-label={t('settings.webhooks.secret')} autoComplete="new-password" />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('settings.webhooks.remove')} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ url: '', events: [...eventNames] })}>{t('settings.webhooks.add')}</Button>
        </>
      )}
    </Form.List>
  );
}
