import { Button, DatePicker, Form, Grid, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../../api/sluice-api';
import { useAdminQuery } from '../../hooks/use-admin-query';

export interface RequestFilterValues {
  api_key_id?: string;
  account_id?: string;
  model?: string;
  status?: 'success' | 'error';
  range?: [Dayjs | null, Dayjs | null] | null;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

/** Query parameters for `GET /admin/requests` from the filter form (a range on wide screens, from/to on phones). */
export function filterQuery(values: RequestFilterValues) {
  return {
    api_key_id: values.api_key_id || undefined,
    account_id: values.account_id || undefined,
    model: values.model?.trim() || undefined,
    status: values.status || undefined,
    from: (values.range?.[0] ?? values.from)?.toISOString(),
    to: (values.range?.[1] ?? values.to)?.toISOString(),
  };
}

export function RequestFilters({ onChange }: { onChange: (values: RequestFilterValues) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RequestFilterValues>();
  const wide = Grid.useBreakpoint().md ?? true;
  const keys = useAdminQuery((api) => unwrap(api.GET('/admin/api-keys')), []);
  const accounts = useAdminQuery((api) => unwrap(api.GET('/admin/accounts')), []);
  const width = (pixels: number) => (wide ? { width: pixels } : { width: '100%' });
  const item = { style: wide ? undefined : { width: '100%', marginInlineEnd: 0 } };
  return (
    <Form form={form} layout="inline" onFinish={onChange} style={{ rowGap: 8 }}>
      <Form.Item name="api_key_id" {...item}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('requests.key')} style={width(160)} loading={keys.loading} options={(keys.data?.data ?? []).map((key) => ({ label: key.name, value: key.id }))} />
      </Form.Item>
      <Form.Item name="account_id" {...item}>
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('requests.account')} style={width(160)} loading={accounts.loading} options={(accounts.data?.data ?? []).map((account) => ({ label: account.name, value: account.id }))} />
      </Form.Item>
      <Form.Item name="model" {...item}>
        <Input allowClear placeholder={t('figures.model')} style={width(160)} />
      </Form.Item>
      <Form.Item name="status" {...item}>
        <Select allowClear placeholder={t('requests.status')} style={width(120)} options={[{ label: t('requests.success'), value: 'success' }, { label: t('requests.error'), value: 'error' }]} />
      </Form.Item>
      {wide ? (
        <Form.Item name="range">
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} placeholder={[t('requests.from'), t('requests.to')]} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="from" {...item}>
            <DatePicker showTime placeholder={t('requests.from')} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="to" {...item}>
            <DatePicker showTime placeholder={t('requests.to')} style={{ width: '100%' }} />
          </Form.Item>
        </>
      )}
      <Space>
        <Button type="primary" htmlType="submit">{t('requests.filter')}</Button>
        <Button onClick={() => { form.resetFields(); onChange({}); }}>{t('requests.reset')}</Button>
      </Space>
    </Form>
  );
}
