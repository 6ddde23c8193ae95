import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { accountListSchema, accountSchema, anyJsonSchema, type AccountDto } from '../../api/contract/account-dto';
import { errorMessage } from '../../api/api-error';
import { useAdminSession } from '../../auth/admin-session';
import { QueryState } from '../../components/query-state';
import { useAdminQuery } from '../../hooks/use-admin-query';
import { AccountFormDrawer } from './account-form-drawer';
import { AccountImportModal } from './account-import-modal';
import { AccountsTable, type AccountActions } from './accounts-table';

export function AccountsPage() {
  const { client } = useAdminSession();
  const { message, modal } = App.useApp();
  const query = useAdminQuery((adminClient) => adminClient.get('/admin/accounts', accountListSchema), []);
  const [editing, setEditing] = useState<AccountDto | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [busyId, setBusyId] = useState<string | null>(null);
  const accounts = query.data?.data ?? [];
  const path = (account: AccountDto) => `/admin/accounts/${encodeURIComponent(account.id)}`;

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

  const actions: AccountActions = {
    busyId,
    onEdit: (account) => {
      setEditing(account);
      setFormOpen(true);
    },
    onToggle: (account, enabled) =>
      void run(account, async () => {
        await client.send('PATCH', path(account), { enabled }, accountSchema);
        message.success(`${account.name} ${enabled ? 'enabled' : 'disabled'}`);
      }),
    onTest: (account) =>
      void run(account, async () => {
        const hide = message.loading(`Testing ${account.name}…`, 0);
        try {
          const result = await client.send('POST', `${path(account)}/test`, {}, anyJsonSchema);
          modal.info({ title: `Test of ${account.name}`, width: 560, content: <Typography.Paragraph><pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{JSON.stringify(result, null, 2)}</pre></Typography.Paragraph> });
        } finally {
          hide();
        }
      }),
    onRefreshBalance: (account) =>
      void run(account, async () => {
        await client.get(`${path(account)}/balance`, anyJsonSchema);
        message.success(`Balance of ${account.name} refreshed`);
      }),
    onDelete: (account) =>
      void run(account, async () => {
        await client.remove(path(account));
        message.success(`Deleted ${account.name}`);
      }),
  };

  return (
    <Card
      title="Upstream accounts"
      size="small"
      extra={
        <Space wrap>
          <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)}>Import</Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setEditing(null);
              setFormOpen(true);
            }}
          >
            Add account
          </Button>
        </Space>
      }
    >
      <QueryState loading={query.loading} error={query.error} onRetry={query.reload} empty={!query.data} emptyText="">
        {accounts.length === 0 && !query.loading ? (
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center', padding: 24 }}>
            No accounts yet. Add one or import a JSON list to start serving requests.
          </Typography.Paragraph>
        ) : (
          <AccountsTable accounts={accounts} loading={query.loading} actions={actions} />
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
    </Card>
  );
}
