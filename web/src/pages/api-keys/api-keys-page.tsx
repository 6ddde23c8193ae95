import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKeyDto } from '../../api/api-types';
import { errorMessage } from '../../api/api-error';
import { unwrap } from '../../api/sluice-api';
import { useAdminSession } from '../../auth/admin-session';
import { QueryState } from '../../components/query-state';
import { formatCost } from '../../format/format-cost';
import { formatCount } from '../../format/format-count';
import { formatDateTime } from '../../format/format-date-time';
import { useAdminQuery } from '../../hooks/use-admin-query';
import { ApiKeyFormModal } from './api-key-form-modal';
import { CreatedKeyModal } from './created-key-modal';

type KeyFilter = 'all' | 'admin' | 'enabled' | 'disabled' | 'expired';
const isExpired = (key: ApiKeyDto) => key.expires_at !== null && Date.parse(key.expires_at) < Date.now();

function matchesFilter(key: ApiKeyDto, filter: KeyFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'admin':
      return key.is_admin;
    case 'enabled':
      return key.enabled && !isExpired(key);
    case 'disabled':
      return !key.enabled;
    case 'expired':
      return isExpired(key);
    default: {
      const unreachable: never = filter;
      return unreachable;
    }
  }
}

export function ApiKeysPage() {
  const { t } = useTranslation();
  const { api } = useAdminSession();
  const { message } = App.useApp();
  const query = useAdminQuery((client) => unwrap(client.GET('/admin/api-keys')), []);
  const [editing, setEditing] = useState<ApiKeyDto | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<{ plaintext: string | null; name: string }>({ plaintext: null, name: '' });
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<KeyFilter>('all');
  const keys = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (query.data?.data ?? []).filter((key) => matchesFilter(key, filter) && (!needle || key.name.toLowerCase().includes(needle) || key.key_hint.toLowerCase().includes(needle)));
  }, [query.data, search, filter]);

  const revoke = async (key: ApiKeyDto) => {
    try {
      await unwrap(api.DELETE('/admin/api-keys/{id}', { params: { path: { id: key.id } } }));
      message.success(t('apiKeys.revokedName', { name: key.name }));
    } catch (error) {
      message.error(errorMessage(error));
    }
    query.reload();
  };

  const expiry = (expiresAt: string | null) => {
    if (!expiresAt) return <Typography.Text type="secondary">{t('apiKeys.never')}</Typography.Text>;
    const expired = Date.parse(expiresAt) < Date.now();
    return <Tag color={expired ? 'red' : 'default'}>{expired ? `${t('apiKeys.expired')} ` : ''}{formatDateTime(expiresAt)}</Tag>;
  };

  return (
    <Card
      title={t('apiKeys.title')}
      size="small"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { setEditing(null); setFormOpen(true); }}>
          {t('apiKeys.create')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('apiKeys.search')} aria-label={t('apiKeys.search')} value={search} onChange={(event) => setSearch(event.target.value)} style={{ width: 240, maxWidth: '100%' }} />
        <Select<KeyFilter>
          value={filter}
          onChange={setFilter}
          style={{ width: 150 }}
          aria-label={t('apiKeys.filter')}
          options={(['all', 'admin', 'enabled', 'disabled', 'expired'] as const).map((value) => ({ value, label: t(`apiKeys.filters.${value}`) }))}
        />
      </Space>
      <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={(query.data?.data.length ?? 0) === 0} emptyText={t('apiKeys.none')}>
        <Table<ApiKeyDto>
          rowKey="id"
          size="small"
          dataSource={keys}
          loading={query.loading}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            {
              title: t('common.name'),
              dataIndex: 'name',
              fixed: 'left',
              width: 160,
              sorter: (left, right) => left.name.localeCompare(right.name),
              render: (name: string, key) => (
                <Space size={4} wrap>
                  <Typography.Text strong style={{ wordBreak: 'break-word' }}>{name}</Typography.Text>
                  {key.is_admin ? <Tag color="purple">{t('apiKeys.admin')}</Tag> : null}
                  {key.enabled ? null : <Tag>{t('status.disabled')}</Tag>}
                </Space>
              ),
            },
            { title: t('apiKeys.key'), dataIndex: 'key_hint', width: 140, render: (hint: string) => <Typography.Text code>{hint}</Typography.Text> },
            { title: t('apiKeys.limits'), key: 'limits', width: 90, render: (_, key) => `${key.requests_per_minute ?? '∞'} / ${key.requests_per_day ?? '∞'}` },
            { title: t('apiKeys.expires'), dataIndex: 'expires_at', width: 130, sorter: (left, right) => (left.expires_at ?? '9').localeCompare(right.expires_at ?? '9'), render: expiry },
            {
              title: t('apiKeys.models'),
              dataIndex: 'allowed_models',
              width: 120,
              render: (models: string[] | null) => (models && models.length > 0 ? <Space size={[0, 4]} wrap>{models.map((model) => <Tag key={model}>{model}</Tag>)}</Space> : <Typography.Text type="secondary">{t('apiKeys.allModels')}</Typography.Text>),
            },
            {
              title: t('apiKeys.usage'),
              key: 'usage',
              align: 'right',
              width: 110,
              sorter: (left, right) => left.total_cost - right.total_cost,
              render: (_, key) => (
                <Space orientation="vertical" size={0}>
                  <span style={{ whiteSpace: 'nowrap' }}>{formatCost(key.total_cost)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>{t('apiKeys.requestsValue', { count: formatCount(key.total_requests) })}</Typography.Text>
                </Space>
              ),
            },
            { title: t('apiKeys.lastUsed'), dataIndex: 'last_used_at', width: 130, sorter: (left, right) => (left.last_used_at ?? '').localeCompare(right.last_used_at ?? ''), render: (value: string | null) => formatDateTime(value) },
            {
              title: t('common.actions'),
              key: 'actions',
              fixed: 'right',
              width: 80,
              render: (_, key) => (
                <Space size={0} data-testid="key-actions">
                  <Tooltip title={t('common.edit')}><Button type="text" size="small" icon={<EditOutlined />} aria-label={t('common.editName', { name: key.name })} onClick={() => { setEditing(key); setFormOpen(true); }} /></Tooltip>
                  <Popconfirm title={t('apiKeys.revokeConfirm', { name: key.name })} description={t('apiKeys.revokeHint')} okText={t('apiKeys.revoke')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => revoke(key)}>
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('apiKeys.revokeName', { name: key.name })} title={t('apiKeys.revoke')} />
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
          else message.success(t('common.savedName', { name }));
          query.reload();
        }}
      />
      <CreatedKeyModal plaintext={created.plaintext} name={created.name} onClose={() => setCreated({ plaintext: null, name: '' })} />
    </Card>
  );
}
