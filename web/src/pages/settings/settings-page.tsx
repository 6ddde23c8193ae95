import { App, Button, Card, Col, Form, Row, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsDto } from '../../api/api-types';
import { errorMessage } from '../../api/api-error';
import { unwrap } from '../../api/sluice-api';
import { useAdminSession } from '../../auth/admin-session';
import { QueryState } from '../../components/query-state';
import { useAdminQuery } from '../../hooks/use-admin-query';
import { SettingScalarItem } from './setting-scalar-item';
import { settingFields, settingGroups, type SettingGroup } from './settings-fields';
import { formToSettingsPatch, settingsToForm, type SettingsFormValues } from './settings-form';
import { ModelMappingsEditor, PricesEditor, WebhooksEditor } from './settings-list-editors';
import { useSettingsSchema } from './use-settings-schema';

const listGroups = new Set<SettingGroup>(['models', 'prices', 'webhooks']);
const webhookEvents = ['account_disabled', 'quota_exhausted', 'balance_low', 'key_budget_reached'] as const satisfies ReadonlyArray<SettingsDto['webhooks'][number]['events'][number]>;

/** Every setting the server has, grouped, with help text and the server's own limits. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { api } = useAdminSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsFormValues>();
  const [saving, setSaving] = useState(false);
  const query = useAdminQuery((client) => unwrap(client.GET('/admin/settings')), []);
  const schema = useSettingsSchema();

  useEffect(() => {
    if (query.data) form.setFieldsValue(settingsToForm(query.data));
  }, [query.data, form]);

  const present = useMemo(() => new Set(Object.keys(query.data ?? {})), [query.data]);
  const others = [...present].filter((name) => !settingFields.some((field) => field.name === name)).sort();

  const save = async (values: SettingsFormValues) => {
    setSaving(true);
    try {
      const patch = formToSettingsPatch(values);
      for (const name of Object.keys(patch)) if (!present.has(name)) delete patch[name];
      const saved = await unwrap(api.PATCH('/admin/settings', { body: patch }));
      form.setFieldsValue(settingsToForm(saved));
      message.success(t('settings.saved'));
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const scalarCard = (group: SettingGroup) => {
    const fields = settingFields.filter((field) => field.group === group && present.has(field.name));
    if (fields.length === 0) return null;
    return (
      <Card key={group} size="small" title={t(`settings.groups.${group}`)} data-testid={`settings-${group}`}>
        <Row gutter={16}>
          {fields.map((field) => (
            <Col xs={24} md={12} key={field.name}>
              <SettingScalarItem name={field.name} kind={field.kind} schema={schema[field.name]} />
            </Col>
          ))}
        </Row>
      </Card>
    );
  };

  return (
    <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={!query.data}>
      <Form form={form} layout="vertical" onFinish={save} scrollToFirstError>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {settingGroups.filter((group) => !listGroups.has(group)).map(scalarCard)}
          {others.length > 0 ? (
            <Card size="small" title={t('settings.groups.other')}>
              <Row gutter={16}>
                {others.map((name) => (
                  <Col xs={24} md={12} key={name}>
                    <SettingScalarItem name={name} kind="other" schema={schema[name]} />
                  </Col>
                ))}
              </Row>
            </Card>
          ) : null}
          <Card size="small" title={t('settings.groups.models')} extra={<Typography.Text type="secondary">{t('settings.fields.model_mappings.help')}</Typography.Text>}>
            <ModelMappingsEditor />
          </Card>
          <Card size="small" title={t('settings.groups.prices')} extra={<Typography.Text type="secondary">{t('settings.fields.prices.help')}</Typography.Text>}>
            <PricesEditor />
          </Card>
          <Card size="small" title={t('settings.groups.webhooks')} extra={<Typography.Text type="secondary">{t('settings.fields.webhooks.help')}</Typography.Text>}>
            <WebhooksEditor eventNames={[...webhookEvents]} />
          </Card>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={saving}>{t('settings.save')}</Button>
            <Button onClick={() => query.data && form.setFieldsValue(settingsToForm(query.data))}>{t('settings.discard')}</Button>
          </Space>
        </Space>
      </Form>
    </QueryState>
  );
}
