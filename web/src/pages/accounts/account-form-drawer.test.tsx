import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AccountDto } from '../../api/api-types';
import { pathOf, renderSignedIn, testAccount } from '../../test/fixtures';
import { AccountFormDrawer } from './account-form-drawer';

function renderDrawer(account: AccountDto | null, fetchMock: (request: Request) => Promise<Response>) {
  const onSaved = vi.fn();
  renderSignedIn(<AccountFormDrawer account={account} open onClose={vi.fn()} onSaved={onSaved} />, fetchMock);
  return onSaved;
}

describe('AccountFormDrawer', () => {
  it('shows the fields of the account provider, secrets write-only with hints', () => {
    renderDrawer(testAccount({ id: 'k1', name: 'kiro one', provider: 'kiro', auth_method: 'idc', credentials: { refresh_token: 'aor…xyz', client_id: 'cid…', client_secret: true, api_key: null } }), vi.fn());
    expect(screen.getByLabelText(/^Refresh token/).getAttribute('placeholder')).toBe('aor…xyz (leave blank to keep)');
    expect((screen.getByLabelText(/^Refresh token/) as HTMLInputElement).value).toBe('');
    expect(screen.getByLabelText(/^Client secret/).getAttribute('placeholder')).toBe('stored (leave blank to keep)');
    expect(screen.getByLabelText(/^Profile ARN/)).toBeTruthy();
    expect(screen.getByText('Auth method')).toBeTruthy();
    expect(screen.getByText('IdC')).toBeTruthy();
    expect(screen.queryByLabelText(/^API key/)).toBeNull();
  });

  it('adds Amazon Q accounts by default, as the API does', () => {
    renderDrawer(null, vi.fn());
    expect(screen.getByText('amazonq')).toBeTruthy();
    expect(screen.getByLabelText(/^Refresh token/)).toBeTruthy();
    expect(screen.getByLabelText(/^Client secret/)).toBeTruthy();
  });

  it('patches only what changed when saving an edit', async () => {
    const requests: Request[] = [];
    const fetchMock = vi.fn(async (request: Request) => {
      requests.push(request.clone());
      return new Response(JSON.stringify(testAccount({ name: 'renamed', provider: 'openai' })), { status: 200, headers: { 'content-type': 'application/json' } });
    });
    const onSaved = renderDrawer(testAccount({ name: 'main', provider: 'openai', requests_per_minute: 10 }), fetchMock);
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'renamed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(pathOf(requests[0]!)).toBe('/admin/accounts/a1');
    expect(requests[0]!.method).toBe('PATCH');
    expect(await requests[0]!.json()).toEqual({ name: 'renamed' });
  });
});
