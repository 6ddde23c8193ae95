import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Input, Popconfirm, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../api/api-types';
import { errorMessage } from '../../api/api-error';
import { unwrap } from '../../api/sluice-api';
import { useAdminSession } from '../../auth/admin-session';
import { QueryState } from '../../components/query-state';
import { useAdminQuery } from '../../hooks/use-admin-query';
import { AccountDetailDrawer } from './account-detail-drawer';
import { AccountFormDrawer } from './account-form-drawer';
import { AccountImportModal } from './account-import-modal';
import { AccountTestResult } from './account-test-result';
import { AccountsTable, type AccountActions } from './accounts-table';
import { matchesSearch } from './matches-search';

export function AccountsPage() {
  const { t } = useTranslation();
  const { api } = useAdminSession();
  const { message, modal } = App.useApp();
  const query = useAdminQuery((client) => unwrap(client.GET('/admin/accounts')), []);
  const [editing, setEditing] = useState<AccountDto | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [details, setDetails] = useState<AccountDto | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [bulkBusy, setBulkBusy] = useState(false);
  const accounts = useMemo(() => (query.data?.data ?? []).filter((account) => matchesSearch(account, search)), [query.data, search]);
  const params = (account: AccountDto) => ({ params: { path: { id: account.id } } });

  const run = async (account: AccountDto, work: () => Promise<void>) => {
    setBusyId(account.id);
    try {
      await work();
    } catch (error) {
      message.error(`${account.name}: ${errorMessage(error)}`);
    } finally {
      setBusyId(null);
      query.reload();
    }
  };

  const bulk = async (action: 'enable' | 'disable' | 'delete') => {
    setBulkBusy(true);
    try {
      const outcome = await unwrap(api.POST('/admin/accounts/bulk', { body: { ids: selected, action } }));
      const failed = outcome.results.filter((result) => !result.ok);
      if (failed.length === 0) message.success(t('accounts.bulkDone', { count: outcome.results.length }));
      else message.error(t('accounts.bulkFailed', { failed: failed.length, count: outcome.results.length, reason: failed[0]?.error ?? '' }));
      setSelected([]);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setBulkBusy(false);
      query.reload();
    }
  };

  const actions: AccountActions = {
    busyId,
    onEdit: (account) => {
      setEditing(account);
      setFormOpen(true);
    },
    onDetails: setDetails,
    onToggle: (account, enabled) =>
      void run(account, async () => {
        await unwrap(api.PATCH('/admin/accounts/{id}', { ...params(account), body: { enabled } }));
        message.success(enabled ? t('accounts.enabledName', { name: account.name }) : t('accounts.disabledName', { name: account.name }));
      }),
    onTest: (account) =>
      void run(account, async () => {
        const hide = message.loading(t('accounts.testing', { name: account.name }), 0);
        try {
          const result = await unwrap(api.POST('/admin/accounts/{id}/test', params(account)));
          modal.info({ title: t('accounts.testOf', { name: account.name }), width: 560, okText: t('common.close'), content: <AccountTestResult result={result} /> });
        } finally {
          hide();
        }
      }),
    onRefreshBalance: (account) =>
      void run(account, async () => {
        await unwrap(api.GET('/admin/accounts/{id}/balance', params(account)));
        message.success(t('accounts.balanceRefreshed', { name: account.name }));
      }),
    onDelete: (account) =>
      void run(account, async () => {
        await unwrap(api.DELETE('/admin/accounts/{id}', params(account)));
        message.success(t('common.deletedName', { name: account.name }));
      }),
  };

  return (
    <Card
      title={t('accounts.title')}
      size="small"
      extra={
        <Space wrap>
          <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)}>{t('accounts.import')}</Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            {t('accounts.add')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12, width: '100%' }}>
        <Input.Search allowClear placeholder={t('accounts.search')} aria-label={t('accounts.search')} value={search} onChange={(event) => setSearch(event.target.value)} style={{ width: 260, maxWidth: '100%' }} />
        {selected.length > 0 ? (
          <Space wrap data-testid="bulk-actions">
            <Typography.Text>{t('accounts.selected', { count: selected.length })}</Typography.Text>
            <Button size="small" loading={bulkBusy} onClick={() => void bulk('enable')}>{t('accounts.bulkEnable')}</Button>
            <Button size="small" loading={bulkBusy} onClick={() => void bulk('disable')}>{t('accounts.bulkDisable')}</Button>
            <Popconfirm title={t('accounts.bulkDeleteConfirm', { count: selected.length })} description={t('common.cannotUndo')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => void bulk('delete')}>
              <Button size="small" danger loading={bulkBusy}>{t('common.delete')}</Button>
            </Popconfirm>
          </Space>
        ) : null}
      </Space>
      <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={!query.data} emptyText="">
        {(query.data?.data.length ?? 0) === 0 && !query.loading ? (
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', padding: 24 }}>
            {t('accounts.none')}
          </Typography.Paragraph>
        ) : (
          <AccountsTable accounts={accounts} loading={query.loading} actions={actions} selectedIds={selected} onSelect={setSelected} />
        )}
      </QueryState>
      <AccountFormDrawer
        key={editing?.id ?? 'new'}
        account={editing}
        open={formOpen}
        onClose={() => setFormOpen(false)}
        onSaved={() => {
          setFormOpen(false);
          query.reload();
        }}
      />
      <AccountImportModal open={importOpen} onClose={() => setImportOpen(false)} onImported={query.reload} />
      <AccountDetailDrawer account={details} onClose={() => setDetails(null)} />
    </Card>
  );
}
