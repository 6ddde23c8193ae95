import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderSignedIn, testAccount } from '../../test/fixtures';
import { AccountsTable, type AccountActions } from './accounts-table';

const actions: AccountActions = { onEdit: vi.fn(), onDetails: vi.fn(), onToggle: vi.fn(), onTest: vi.fn(), onRefreshBalance: vi.fn(), onDelete: vi.fn(), busyId: null };
const noFetch = vi.fn(async () => new Response('{}'));

describe('AccountsTable', () => {
  it('shows a dash for live numbers the pool does not report', () => {
    renderSignedIn(<AccountsTable accounts={[testAccount()]} loading={false} actions={actions} />, noFetch);
    const row = screen.getAllByText('primary')[0]!.closest('tr')!;
    expect(within(row).getByText('— / 60')).toBeTruthy();
    expect(within(row).getByText('active')).toBeTruthy();
  });

  it('shows live numbers, status reason and the whole last error when present', () => {
    renderSignedIn(
      <AccountsTable
        accounts={[testAccount({ status: 'cooling', status_reason: 'rate limited by upstream', last_error: '429 Too Many Requests', live: { rpm_now: 12, in_flight: 2, cooldown_until: null }, max_concurrency: 4 })]}
        loading={false}
        actions={actions}
      />,
      noFetch,
    );
    const row = screen.getAllByText('primary')[0]!.closest('tr')!;
    expect(within(row).getByText('12 / 60')).toBeTruthy();
    expect(within(row).getByText('2 / 4 in flight')).toBeTruthy();
    expect(within(row).getByText('cooling')).toBeTruthy();
    expect(within(row).getByText('rate limited by upstream')).toBeTruthy();
    expect(within(row).getAllByText('429 Too Many Requests').length).toBeGreaterThan(0);
    expect(within(row).queryByText(/^until /)).toBeNull();
  });

  it('shows until when a cooling account comes back', () => {
    const until = new Date(Date.now() + 60_000).toISOString();
    renderSignedIn(<AccountsTable accounts={[testAccount({ status: 'cooling', live: { rpm_now: 0, in_flight: 0, cooldown_until: until } })]} loading={false} actions={actions} />, noFetch);
    expect(screen.getByText(/^until \d{4}-/)).toBeTruthy();
  });

  it('marks an account switched off by hand', () => {
    renderSignedIn(<AccountsTable accounts={[testAccount({ enabled: false })]} loading={false} actions={actions} />, noFetch);
    expect(screen.getByText('off')).toBeTruthy();
  });
});
