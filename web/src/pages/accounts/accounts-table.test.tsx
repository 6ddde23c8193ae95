import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AccountDto } from '../../api/contract/account-dto';
import { AccountsTable, type AccountActions } from './accounts-table';

const actions: AccountActions = { onEdit: vi.fn(), onToggle: vi.fn(), onTest: vi.fn(), onRefreshBalance: vi.fn(), onDelete: vi.fn(), busyId: null };

const account = (overrides: Partial<AccountDto>): AccountDto => ({ id: 'a1', name: 'primary', provider: 'anthropic', enabled: true, status: 'active', requests_per_minute: 60, ...overrides });

describe('AccountsTable', () => {
  it('shows a dash for live numbers the pool does not report', () => {
    render(<AccountsTable accounts={[account({})]} loading={false} actions={actions} />);
    const row = screen.getByText('primary').closest('tr')!;
    expect(within(row).getByText('— / 60')).toBeTruthy();
    expect(within(row).getByText('active')).toBeTruthy();
  });

  it('shows live numbers, status reason and last error when present', () => {
    render(
      <AccountsTable
        accounts={[account({ status: 'cooling', status_reason: 'rate limited by upstream', last_error: '429 Too Many Requests', live: { rpm_now: 12, in_flight: 2, cooldown_until: null }, max_concurrency: 4 })]}
        loading={false}
        actions={actions}
      />,
    );
    const row = screen.getByText('primary').closest('tr')!;
    expect(within(row).getByText('12 / 60')).toBeTruthy();
    expect(within(row).getByText('2 / 4')).toBeTruthy();
    expect(within(row).getByText('cooling')).toBeTruthy();
    expect(within(row).getByText('rate limited by upstream')).toBeTruthy();
    expect(within(row).getByText('429 Too Many Requests')).toBeTruthy();
    expect(within(row).queryByText(/^until /)).toBeNull();
  });

  it('shows until when a cooling account comes back', () => {
    const until = new Date(Date.now() + 60_000).toISOString();
    render(<AccountsTable accounts={[account({ status: 'cooling', live: { rpm_now: 0, in_flight: 0, cooldown_until: until } })]} loading={false} actions={actions} />);
    expect(screen.getByText(/^until \d{4}-/)).toBeTruthy();
  });

  it('marks an account switched off by hand', () => {
    render(<AccountsTable accounts={[account({ enabled: false })]} loading={false} actions={actions} />);
    expect(screen.getByText('off')).toBeTruthy();
  });
});
