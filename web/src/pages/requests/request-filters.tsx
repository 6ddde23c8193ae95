import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { accountListSchema } from '../../api/contract/account-dto';
import { apiKeyListSchema } from '../../api/contract/api-key-dto';
import { useAdminQuery } from '../../hooks/use-admin-query';

export interface RequestFilterValues {
  api_key_id?: string;
  account_id?: string;
  model?: string;
  status?: 'success' | 'error';
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Query parameters for `GET /admin/requests` from the filter form. */
export function filterQuery(values: RequestFilterValues): Record<string, string | undefined> {
  return {
    api_key_id: values.api_key_id || undefined,
    account_id: values.account_id || undefined,
    model: values.model?.trim() || undefined,
    status: values.status || undefined,
    from: values.range?.[0]?.toISOString(),
    to: values.range?.[1]?.toISOString(),
  };
}

export function RequestFilters({ onChange }: { onChange: (values: RequestFilterValues) => void }) {
  const [form] = Form.useForm<RequestFilterValues>();
  const keys = useAdminQuery((client) => client.get('/admin/api-keys', apiKeyListSchema), []);
  const accounts = useAdminQuery((client) => client.get('/admin/accounts', accountListSchema), []);
  return (
    <Form form={form} layout="inline" onFinish={onChange} style={{ rowGap: 8 }}>
      <Form.Item name="api_key_id">
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="Key" style={{ width: 160 }} loading={keys.loading} options={(keys.data?.data ?? []).map((key) => ({ label: key.name, value: key.id }))} />
      </Form.Item>
      <Form.Item name="account_id">
        <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="Account" style={{ width: 160 }} loading={accounts.loading} options={(accounts.data?.data ?? []).map((account) => ({ label: account.name, value: account.id }))} />
      </Form.Item>
      <Form.Item name="model">
        <Input allowClear placeholder="Model" style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="status">
        <Select allowClear placeholder="Status" style={{ width: 110 }} options={[{ label: 'success', value: 'success' }, { label: 'error', value: 'error' }]} />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">Filter</Button>
        <Button onClick={() => { form.resetFields(); onChange({}); }}>Reset</Button>
      </Space>
    </Form>
  );
}
