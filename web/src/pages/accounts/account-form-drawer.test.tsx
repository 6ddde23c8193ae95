import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { createAdminClient } from '../../api/admin-client';
import type { AccountDto } from '../../api/contract/account-dto';
import { AdminSessionProvider } from '../../auth/admin-session';
import { AccountFormDrawer } from './account-form-drawer';

function renderDrawer(account: AccountDto | null, fetchMock: typeof fetch) {
  const client = createAdminClient({ adminKey: 'amq-admin', fetch: fetchMock });
  const onSaved = vi.fn();
  render(
    <AntApp>
      <AdminSessionProvider session={{ client, signOut: vi.fn() }}>
        <AccountFormDrawer account={account} open onClose={vi.fn()} onSaved={onSaved} />
      </AdminSessionProvider>
    </AntApp>,
  );
  return onSaved;
}

describe('AccountFormDrawer', () => {
  it('shows the fields of the account provider, secrets write-only with hints', () => {
    renderDrawer(
      { id: 'k1', name: 'kiro one', provider: 'kiro', auth_method: 'idc', credentials: { refresh_token: 'aor…xyz', client_id: 'cid…', client_secret: true, api_key: null } },
      vi.fn() as unknown as typeof fetch,
    );
    expect(screen.getByLabelText(/^Refresh token/).getAttribute('placeholder')).toBe('aor…xyz (leave blank to keep)');
    expect((screen.getByLabelText(/^Refresh token/) as HTMLInputElement).value).toBe('');
    expect(screen.getByLabelText(/^Client secret/).getAttribute('placeholder')).toBe('stored (leave blank to keep)');
    expect(screen.getByLabelText(/^Profile ARN/)).toBeTruthy();
    expect(screen.getByText('Auth method')).toBeTruthy();
    expect(screen.getByText('IdC')).toBeTruthy();
    expect(screen.queryByLabelText(/^API key/)).toBeNull();
  });

  it('shows only the key for a Kiro API-key account, and the sign-in kind and region for IdC', async () => {
    renderDrawer(
      { id: 'k2', name: 'kiro key', provider: 'kiro', auth_method: 'api_key', credentials: { api_key: 'ksk_…abcd', refresh_token: null, client_id: null, client_secret: false } },
      vi.fn() as unknown as typeof fetch,
    );
    expect(screen.getByLabelText(/^API key/).getAttribute('placeholder')).toBe('ksk_…abcd (leave blank to keep)');
    expect(screen.queryByLabelText(/^Refresh token/)).toBeNull();
    expect(screen.queryByLabelText(/^Client secret/)).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'IdC' }));
    expect(await screen.findByLabelText(/^Refresh token/)).toBeTruthy();
    expect(screen.getByText('Identity Center')).toBeTruthy();
    expect(screen.getByLabelText(/^Sign-in region/)).toBeTruthy();
  });

  it('patches only what changed when saving an edit', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ id: 'a1', name: 'renamed', provider: 'openai' }), { status: 200 }));
    const onSaved = renderDrawer({ id: 'a1', name: 'main', provider: 'openai', enabled: true, requests_per_minute: 10 }, fetchMock as unknown as typeof fetch);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'renamed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/admin/accounts/a1');
    expect(init.method).toBe('PATCH');
    expect(JSON.parse(String(init.body))).toEqual({ name: 'renamed' });
  });
});
