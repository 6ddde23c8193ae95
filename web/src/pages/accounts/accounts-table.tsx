import { DeleteOutlined, EditOutlined, ExperimentOutlined, ProfileOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Grid, Popconfirm, Space, Switch, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../api/api-types';
import { formatDateTime } from '../../format/format-date-time';
import { accountStatuses, AccountStatusTag } from './account-status-tag';
import { BalanceCell } from './balance-cell';
import { providerNames } from './providers';

export interface AccountActions {
  onEdit: (account: AccountDto) => void;
  onDetails: (account: AccountDto) => void;
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
function cooldownUntil(account: AccountDto): string | null {
  const until = account.live?.cooldown_until ?? account.cooldown_until ?? null;
  if (until === null) return null;
  return new Date(until).getTime() > Date.now() ? until : null;
}

/** The status a filter matches: an account switched off counts as disabled. */
export const effectiveStatus = (account: AccountDto): string => (account.enabled ? account.status : 'disabled');

function columns(t: TFunction, actions: AccountActions, wide: boolean): ColumnsType<AccountDto> {
  return [
    {
      title: t('common.name'),
      dataIndex: 'name',
      // On phones only the actions stay pinned: two pinned columns would cover each other.
      fixed: wide ? 'left' : undefined,
      width: 170,
      sorter: (left, right) => left.name.localeCompare(right.name),
      filters: providerNames.map((name) => ({ text: name, value: name })),
      onFilter: (value, account) => account.provider === value,
      render: (name: string, account) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link strong onClick={() => actions.onDetails(account)} style={{ wordBreak: 'break-word' }}>
            {name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{account.provider}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('accounts.status'),
      key: 'status',
      width: 140,
      filters: accountStatuses.map((status) => ({ text: t(`status.${status}`), value: status })),
      onFilter: (value, account) => effectiveStatus(account) === value,
      sorter: (left, right) => effectiveStatus(left).localeCompare(effectiveStatus(right)),
      render: (_, account) => {
        const until = cooldownUntil(account);
        return (
          <Space orientation="vertical" size={0}>
            <AccountStatusTag status={account.status} enabled={account.enabled} />
            {account.status_reason ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{account.status_reason}</Typography.Text> : null}
            {until ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('accounts.until', { time: formatDateTime(until) })}</Typography.Text> : null}
          </Space>
        );
      },
    },
    {
      title: t('accounts.load'),
      key: 'load',
      width: 100,
      render: (_, account) => (
        <Space orientation="vertical" size={0}>
          <span title={t('accounts.rpm')}>{`${liveValue(account.live?.rpm_now)} / ${account.requests_per_minute ?? '∞'}`}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} title={t('accounts.inFlight')}>
            {t('accounts.inFlightValue', { value: `${liveValue(account.live?.in_flight)}${account.max_concurrency ? ` / ${account.max_concurrency}` : ''}` })}
          </Typography.Text>
        </Space>
      ),
    },
    { title: t('accounts.balance'), key: 'balance', width: 110, render: (_, account) => <BalanceCell balance={account.balance} /> },
    {
      title: t('accounts.lastError'),
      key: 'last_error',
      width: 220,
      sorter: (left, right) => (left.last_error_at ?? '').localeCompare(right.last_error_at ?? ''),
      render: (_, account) =>
        account.last_error ? (
          <Typography.Paragraph data-testid="last-error" type="danger" style={{ margin: 0, fontSize: 12, wordBreak: 'break-word' }} ellipsis={{ rows: 3, expandable: 'collapsible', tooltip: account.last_error }}>
            <span title={formatDateTime(account.last_error_at)}>{account.last_error}</span>
          </Typography.Paragraph>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 190,
      render: (_, account) => (
        <Space size={0} data-testid="account-actions">
          <Switch size="small" checked={account.enabled} loading={actions.busyId === account.id} onChange={(checked) => actions.onToggle(account, checked)} aria-label={t('accounts.enableName', { name: account.name })} style={{ marginInlineEnd: 4 }} />
          <Tooltip title={t('accounts.details')}><Button type="text" size="small" icon={<ProfileOutlined />} onClick={() => actions.onDetails(account)} aria-label={t('accounts.detailsOf', { name: account.name })} /></Tooltip>
          <Tooltip title={t('common.edit')}><Button type="text" size="small" icon={<EditOutlined />} onClick={() => actions.onEdit(account)} aria-label={t('common.editName', { name: account.name })} /></Tooltip>
          <Tooltip title={t('accounts.test')}><Button type="text" size="small" icon={<ExperimentOutlined />} onClick={() => actions.onTest(account)} aria-label={t('accounts.testName', { name: account.name })} /></Tooltip>
          <Tooltip title={t('accounts.refreshBalance')}><Button type="text" size="small" icon={<ReloadOutlined />} onClick={() => actions.onRefreshBalance(account)} aria-label={t('accounts.refreshBalanceOf', { name: account.name })} /></Tooltip>
          <Popconfirm title={t('accounts.deleteConfirm', { name: account.name })} description={t('common.cannotUndo')} okText={t('common.delete')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => actions.onDelete(account)}>
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.deleteName', { name: account.name })} title={t('common.delete')} />
          </Popconfirm>
        </Space>
      ),
    },
  ];
}

interface AccountsTableProps {
  accounts: AccountDto[];
  loading: boolean;
  actions: AccountActions;
  selectedIds?: string[];
  onSelect?: (ids: string[]) => void;
}

/** Accounts with sorting and provider/status filters; Actions stay pinned to the right edge. */
export function AccountsTable({ accounts, loading, actions, selectedIds, onSelect }: AccountsTableProps) {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Table<AccountDto>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={accounts}
      columns={columns(t, actions, wide)}
      scroll={{ x: 'max-content' }}
      rowSelection={onSelect ? { selectedRowKeys: selectedIds ?? [], onChange: (keys) => onSelect(keys.map(String)), columnWidth: 40, fixed: wide } : undefined}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
    />
  );
}
