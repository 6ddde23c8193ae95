import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { apiKeyListSchema, type ApiKeyDto } from '../../api/contract/api-key-dto';
import { errorMessage } from '../../api/api-error';
import { useAdminSession } from '../../auth/admin-session';
import { QueryState } from '../../components/query-state';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { formatDateTime } from '../../format/format-date-time';
import { useAdminQuery } from '../../hooks/use-admin-query';
import { ApiKeyFormModal } from './api-key-form-modal';
import { CreatedKeyModal } from './created-key-modal';

function expiryTag(expiresAt: string | null | undefined) {
  if (!expiresAt) return <Typography.Text type="secondary">never</Typography.Text>;
  const expired = Date.parse(expiresAt) < Date.now();
  return <Tag color={expired ? 'red' : 'default'}>{expired ? 'expired ' : ''}{formatDateTime(expiresAt)}</Tag>;
}

export function ApiKeysPage() {
  const { client } = useAdminSession();
  const { message } = App.useApp();
  const query = useAdminQuery((adminClient) => adminClient.get('/admin/api-keys', apiKeyListSchema), []);
  const [editing, setEditing] = useState<ApiKeyDto | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<{ plaintext: string | null; name: string }>({ plaintext: null, name: '' });
  const keys = query.data?.data ?? [];

  const revoke = async (key: ApiKeyDto) => {
    try {
      await client.remove(`/admin/api-keys/${encodeURIComponent(key.id)}`);
      message.success(`Revoked ${key.name}`);
    } catch (error) {
      message.error(errorMessage(error));
    }
    query.reload();
  };

  return (
    <Card
      title="API keys"
      size="small"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { setEditing(null); setFormOpen(true); }}>
          Create key
        </Button>
      }
    >
      <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={keys.length === 0} emptyText="No API keys yet">
        <Table<ApiKeyDto>
          rowKey="id"
          size="small"
          dataSource={keys}
          loading={query.loading}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: 'Name', dataIndex: 'name', render: (name: string, key) => <Space size={4}><Typography.Text strong>{name}</Typography.Text>{key.is_admin ? <Tag color="purple">admin</Tag> : null}{key.enabled === false ? <Tag>disabled</Tag> : null}</Space> },
            { title: 'Key', dataIndex: 'key_hint', render: (hint: string | null) => <Typography.Text code>{hint ?? '—'}</Typography.Text> },
            { title: 'RPM / RPD', key: 'limits', render: (_, key) => `${key.requests_per_minute ?? '∞'} / ${key.requests_per_day ?? '∞'}` },
            { title: 'Expires', dataIndex: 'expires_at', render: expiryTag },
            { title: 'Models', dataIndex: 'allowed_models', render: (models: string[] | null) => (models && models.length > 0 ? models.map((model) => <Tag key={model}>{model}</Tag>) : <Typography.Text type="secondary">all</Typography.Text>) },
            { title: 'Requests', dataIndex: 'total_requests', align: 'right', render: (value: number | null) => formatCount(value) },
            { title: 'Cost', dataIndex: 'total_cost', align: 'right', render: (value: number | null) => formatCost(value) },
            { title: 'Last used', dataIndex: 'last_used_at', render: (value: string | null) => formatDateTime(value) },
            {
              title: 'Actions',
              key: 'actions',
              render: (_, key) => (
                <Space size={0}>
                  <Tooltip title="Edit"><Button type="text" icon={<EditOutlined />} aria-label={`Edit ${key.name}`} onClick={() => { setEditing(key); setFormOpen(true); }} /></Tooltip>
                  <Popconfirm title={`Revoke ${key.name}?`} description="Clients using it get 401 at once." okText="Revoke" okButtonProps={{ danger: true }} onConfirm={() => revoke(key)}>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Revoke ${key.name}`} title="Revoke" />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
      <ApiKeyFormModal
        key={editing?.id ?? 'new'}
        apiKey={editing}
        open={formOpen}
        onClose={() => setFormOpen(false)}
        onSaved={(plaintext, name) => {
          setFormOpen(false);
          if (plaintext) setCreated({ plaintext, name });
          else message.success(`Saved ${name}`);
          query.reload();
        }}
      />
      <CreatedKeyModal plaintext={created.plaintext} name={created.name} onClose={() => setCreated({ plaintext: null, name: '' })} />
    </Card>
  );
}
