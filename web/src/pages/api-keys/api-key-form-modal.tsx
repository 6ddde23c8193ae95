import { App, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyDto } from '../../api/api-types';
import { unwrap } from '../../api/sluice-api';
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
  const { t } = useTranslation();
  const { api } = useAdminSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormShape>();
  const [saving, setSaving] = useState(false);
  const initial = useMemo(() => (apiKey ? apiKeyToFormValues(apiKey) : emptyValues), [apiKey]);

  // Filled before the dialog first paints: a field typed into right after opening is never reset.
  useLayoutEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ ...initial, expires_at: initial.expires_at ? dayjs(initial.expires_at) : null });
  }, [open, initial, form]);

  const submit = async (shape: FormShape) => {
    const values: ApiKeyFormValues = { ...shape, expires_at: shape.expires_at ? shape.expires_at.toISOString() : null };
    setSaving(true);
    try {
      if (apiKey) {
        await unwrap(api.PATCH('/admin/api-keys/{id}', { params: { path: { id: apiKey.id } }, body: buildApiKeyPayload(values, 'edit', initial) as never }));
        onSaved(null, values.name);
      } else {
        const created = await unwrap(api.POST('/admin/api-keys', { body: buildApiKeyPayload(values, 'create') as never }));
        onSaved(created.key, created.name);
      }
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title={apiKey ? t('common.editName', { name: apiKey.name }) : t('apiKeys.createTitle')} open={open} onCancel={onClose} onOk={() => form.submit()} okText={apiKey ? t('common.save') : t('apiKeys.create')} cancelText={t('common.cancel')} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="name" label={t('common.name')} rules={[{ required: true, whitespace: true, message: t('accountForm.required', { name: t('common.name') }) }]}>
          <Input placeholder={t('apiKeys.namePlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="is_admin" label={t('apiKeys.admin')} valuePropName="checked" tooltip={t('apiKeys.adminHint')}>
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="enabled" label={t('common.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="requests_per_minute" label={t('accountForm.requestsPerMinute')} tooltip={t('apiKeys.emptyNoLimit')}>
              <InputNumber min={1} style={{ width: '100%' }} placeholder={t('apiKeys.noLimit')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="requests_per_day" label={t('apiKeys.requestsPerDay')} tooltip={t('apiKeys.requestsPerDayHint')}>
              <InputNumber min={1} style={{ width: '100%' }} placeholder={t('apiKeys.noLimit')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="daily_cost" label={t('apiKeys.dailyBudget')} tooltip={t('apiKeys.dailyBudgetHint')}>
              <InputNumber min={0} step={1} style={{ width: '100%' }} placeholder={t('apiKeys.noneBudget')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="monthly_cost" label={t('apiKeys.monthlyBudget')}>
              <InputNumber min={0} step={1} style={{ width: '100%' }} placeholder={t('apiKeys.noneBudget')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="expires_at" label={t('apiKeys.expires')} tooltip={t('apiKeys.emptyNever')}>
          <DatePicker showTime style={{ width: '100%' }} placeholder={t('apiKeys.never')} />
        </Form.Item>
        <Form.Item name="allowed_models" label={t('apiKeys.allowedModels')} tooltip={t('apiKeys.emptyEveryModel')}>
          <Select mode="tags" tokenSeparators={[',', ' ']} placeholder={t('apiKeys.everyModel')} open={false} suffixIcon={null} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
