import { testApiKey } from '../../test/fixtures';
import { describe, expect, it } from 'vitest';
import { apiKeyToFormValues, buildApiKeyPayload } from './build-api-key-payload';

describe('buildApiKeyPayload', () => {
  it('leaves unset limits out on create', () => {
    expect(buildApiKeyPayload({ name: ' alice ', is_admin: false, enabled: true, allowed_models: [], requests_per_minute: 60 }, 'create')).toEqual({
      name: 'alice',
      is_admin: false,
      enabled: true,
      requests_per_minute: 60,
    });
  });

  it('sends null to clear limits on edit, and budgets when they change', () => {
    const initial = apiKeyToFormValues(testApiKey({ id: '1', name: 'bob', requests_per_minute: 10, expires_at: '2030-01-01T00:00:00.000Z', allowed_models: ['gpt-4o'], budgets: { daily_cost: 5 } }));
    expect(buildApiKeyPayload({ ...initial, requests_per_minute: null, expires_at: null, allowed_models: [], daily_cost: null }, 'edit', initial)).toEqual({
      name: 'bob',
      is_admin: false,
      enabled: true,
      requests_per_minute: null,
      requests_per_day: null,
      expires_at: null,
      allowed_models: null,
      budgets: { daily_cost: null, monthly_cost: null },
    });
  });
});
