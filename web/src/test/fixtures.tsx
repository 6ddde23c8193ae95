import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { AccountDto, ApiKeyDto } from '../api/api-types';
import { createSluiceApi } from '../api/sluice-api';
import { AdminSessionProvider } from '../auth/admin-session';
import { PreferencesProvider } from '../preferences/preferences';

/** A complete account as the server returns it, with the given fields changed. */
export function testAccount(overrides: Partial<AccountDto> = {}): AccountDto {
  // Fields the server added later keep their absent value here; the cast keeps the fixture from breaking on them.
  return {
    id: 'a1',
    name: 'primary',
    provider: 'anthropic',
    enabled: true,
    base_url: null,
    auth_url: null,
    auth_region: null,
    idc_kind: null,
    region: null,
    auth_method: null,
    profile_arn: null,
    requests_per_minute: 60,
    max_concurrency: null,
    weight: 1,
    priority: 0,
    proxy_url: null,
    user_agent: null,
    models: null,
    headers: null,
    initial_balance: null,
    balance_threshold: null,
    credentials: { api_key: 'sk-…abcd', refresh_token: null, client_id: null, client_secret: false },
    status: 'active',
    in_rotation: true,
    status_reason: null,
    status_changed_at: null,
    cooldown_until: null,
    last_error: null,
    last_error_at: null,
    balance: null,
    balance_checked_at: null,
    last_used_at: null,
    total_requests: 0,
    total_tokens: 0,
    total_cost: 0,
    total_credits: 0,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    ...overrides,
  } as AccountDto;
}

/** A complete API key as the server returns it, with the given fields changed. */
export function testApiKey(overrides: Partial<ApiKeyDto> = {}): ApiKeyDto {
  return {
    id: 'k1',
    name: 'alice',
    key_hint: 'amq-abcd…wxyz',
    is_admin: false,
    enabled: true,
    requests_per_minute: null,
    requests_per_day: null,
    expires_at: null,
    allowed_models: null,
    budgets: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    last_used_at: null,
    total_requests: 0,
    total_tokens: 0,
    total_cost: 0,
    ...overrides,
  } as ApiKeyDto;
}

/** Renders inside the preferences (English) and a signed-in admin session whose calls go to `fetchMock`. */
export function renderSignedIn(ui: ReactNode, fetchMock: (request: Request) => Promise<Response>) {
  const api = createSluiceApi({ apiKey: 'amq-admin', fetch: fetchMock as unknown as typeof fetch });
  return render(
    <PreferencesProvider>
      <AdminSessionProvider session={{ api, role: 'admin', signOut: vi.fn() }}>{ui}</AdminSessionProvider>
    </PreferencesProvider>,
  );
}

/** The path and query of a request the client made. */
export const pathOf = (request: Request): string => {
  const url = new URL(request.url, 'http://localhost');
  return url.pathname + url.search;
};
