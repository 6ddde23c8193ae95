import { DeleteOutlined, EditOutlined, ExperimentOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Switch, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { AccountDto } from '../../api/contract/account-dto';
import { formatDateTime } from '../../format/format-date-time';
import { AccountStatusTag } from './account-status-tag';
import { BalanceCell } from './balance-cell';

export interface AccountActions {
  onEdit: (account: AccountDto) => void;
  onToggle: (account: AccountDto, enabled: boolean) => void;
  onTest: (account: AccountDto) => void;
  onRefreshBalance: (account: AccountDto) => void;
  onDelete: (account: AccountDto) => void;
  busyId: string | null;
}

function liveValue(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : String(value);
}

/** The live cooldown when the pool reports one, else the stored one; only while it is in the future. */
function cooldownUntil(account: AccountDto): string | number | null {
  const until = account.live?.cooldown_until ?? account.cooldown_until ?? null;
  if (until === null) return null;
  return new Date(until).getTime() > Date.now() ? until : null;
}

function columns(actions: AccountActions): ColumnsType<AccountDto> {
  return [
    { title: 'Name', dataIndex: 'name', fixed: 'left', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: 'Provider', dataIndex: 'provider' },
    {
      title: 'Status',
      key: 'status',
      render: (_, account) => (
        <Space orientation="vertical" size={0}>
          <AccountStatusTag status={account.status} enabled={account.enabled} />
          {account.status_reason ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{account.status_reason}</Typography.Text> : null}
          {cooldownUntil(account) ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>until {formatDateTime(cooldownUntil(account))}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: 'RPM now / limit',
      key: 'rpm',
      render: (_, account) => `${liveValue(account.live?.rpm_now)} / ${account.requests_per_minute ?? '∞'}`,
    },
    {
      title: 'In flight',
      key: 'in_flight',
      render: (_, account) => `${liveValue(account.live?.in_flight)}${account.max_concurrency ? ` / ${account.max_concurrency}` : ''}`,
    },
    { title: 'Balance', key: 'balance', render: (_, account) => <BalanceCell balance={account.balance} /> },
    {
      title: 'Last error',
      key: 'last_error',
      width: 220,
      render: (_, account) =>
        account.last_error ? (
          <Tooltip title={`${formatDateTime(account.last_error_at)} — ${account.last_error}`}>
            <Typography.Text type="danger" ellipsis style={{ maxWidth: 200 }}>
              {account.last_error}
            </Typography.Text>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: 'Enabled',
      key: 'enabled',
      render: (_, account) => (
        <Switch size="small" checked={account.enabled ?? true} loading={actions.busyId === account.id} onChange={(checked) => actions.onToggle(account, checked)} aria-label={`Enable ${account.name}`} />
      ),
    },
    {
      title: 'Actions',
      key: 'actions',
      render: (_, account) => (
        <Space size={0} wrap>
          <Tooltip title="Edit"><Button type="text" icon={<EditOutlined />} onClick={() => actions.onEdit(account)} aria-label={`Edit ${account.name}`} /></Tooltip>
          <Tooltip title="Test"><Button type="text" icon={<ExperimentOutlined />} onClick={() => actions.onTest(account)} aria-label={`Test ${account.name}`} /></Tooltip>
          <Tooltip title="Refresh balance"><Button type="text" icon={<ReloadOutlined />} onClick={() => actions.onRefreshBalance(account)} aria-label={`Refresh balance of ${account.name}`} /></Tooltip>
          <Popconfirm title={`Delete ${account.name}?`} description="This cannot be undone." okText="Delete" okButtonProps={{ danger: true }} onConfirm={() => actions.onDelete(account)}>
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={`Delete ${account.name}`} title="Delete" />
          </Popconfirm>
        </Space>
      ),
    },
  ];
}

export function AccountsTable({ accounts, loading, actions }: { accounts: AccountDto[]; loading: boolean; actions: AccountActions }) {
  return <Table<AccountDto> rowKey="id" size="small" loading={loading} dataSource={accounts} columns={columns(actions)} scroll={{ x: 'max-content' }} pagination={{ pageSize: 50, hideOnSinglePage: true }} />;
}
