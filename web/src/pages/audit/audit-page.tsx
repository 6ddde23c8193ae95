import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryDto } from '../../api/api-types';
import { unwrap } from '../../api/sluice-api';
import { useCursorPages } from '../../api/use-cursor-pages';
import { useAdminSession } from '../../auth/admin-session';
import { QueryState } from '../../components/query-state';
import { formatDateTime } from '../../format/format-date-time';
import { AuditChanges } from './audit-changes';

const targetTypes = ['accounts', 'api-keys', 'settings'] as const;

interface AuditFilters {
  target_type?: string;
  action?: string;
}

/** Every admin change, newest first: who, what, when, and the fields before and after. */
export function AuditPage() {
  const { t } = useTranslation();
  const { api } = useAdminSession();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [action, setAction] = useState('');
  const fetchPage = useCallback(
    (cursor: string | undefined) => unwrap(api.GET('/admin/audit', { params: { query: { ...filters, limit: 50, cursor } } })),
    [api, filters],
  );
  const { rows, cursor, loading, error, load } = useCursorPages<AuditEntryDto>(fetchPage);

  return (
    <Card title={t('pages.audit')} size="small" extra={<Button size="small" onClick={() => void load(null)}>{t('common.refresh')}</Button>}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder={t('audit.target')}
          aria-label={t('audit.target')}
          style={{ width: 160 }}
          value={filters.target_type}
          onChange={(value?: string) => setFilters((previous) => ({ ...previous, target_type: value || undefined }))}
          options={targetTypes.map((value) => ({ value, label: t(`audit.targets.${value}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('audit.actionPlaceholder')}
          aria-label={t('audit.action')}
          value={action}
          onChange={(event) => setAction(event.target.value)}
          onSearch={(value) => setFilters((previous) => ({ ...previous, action: value.trim() || undefined }))}
          style={{ width: 220, maxWidth: '100%' }}
        />
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('audit.retention')}</Typography.Paragraph>
      <QueryState loading={loading} error={error} onRetry={() => void load(null)} empty={rows.length === 0} emptyText={t('audit.none')}>
        <Table<AuditEntryDto>
          rowKey="id"
          size="small"
          dataSource={rows}
          pagination={false}
          loading={loading}
          scroll={{ x: 900 }}
          tableLayout="fixed"
          expandable={{ expandedRowRender: (entry) => <AuditChanges entry={entry} />, rowExpandable: (entry) => entry.before !== null || entry.after !== null || entry.request !== null }}
          columns={[
            { title: t('audit.when'), dataIndex: 'created_at', width: 160, render: (value: string) => formatDateTime(value) },
            { title: t('audit.who'), key: 'actor', width: 150, render: (_, entry) => <span title={entry.actor_key_id} style={{ wordBreak: 'break-word' }}>{entry.actor_key_name}</span> },
            { title: t('audit.action'), dataIndex: 'action', width: 170, render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
            { title: t('audit.target'), key: 'target', width: 200, render: (_, entry) => <span style={{ wordBreak: 'break-all' }}>{entry.target_id ?? entry.path}</span> },
            { title: t('audit.result'), dataIndex: 'http_status', width: 70, render: (status: number) => <Tag color={status < 400 ? 'green' : 'red'}>{status}</Tag> },
            { title: t('audit.changedFields'), key: 'fields', render: (_, entry) => <span style={{ wordBreak: 'break-word' }}>{Object.keys(entry.after ?? entry.before ?? {}).join(', ') || '—'}</span> },
          ]}
        />
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          {cursor ? <Button onClick={() => void load(cursor)} loading={loading}>{t('requests.loadMore')}</Button> : <Typography.Text type="secondary">{t('requests.shownNoMore', { count: rows.length })}</Typography.Text>}
        </div>
      </QueryState>
    </Card>
  );
}
