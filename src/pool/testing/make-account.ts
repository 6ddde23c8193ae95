import type { AccountRecord } from '../../accounts/account-record.js';

/** An enabled, active, unlimited Anthropic account for tests; override what the test is about. */
export function makeAccount(id: string, overrides: Partial<AccountRecord> = {}): AccountRecord {
  return {
    id,
    name: id,
    provider: 'anthropic',
    enabled: true,
    upstream: { id, name: id, provider: 'anthropic', baseUrl: 'http://127.0.0.1:1', credentials: { api_key: 'test-key' }, settings: {} },
    requestsPerMinute: null,
    maxConcurrency: null,
    weight: 1,
    priority: 0,
    models: null,
    status: 'active',
    statusReason: null,
    statusChangedAt: null,
    cooldownUntil: null,
    lastError: null,
    lastErrorAt: null,
    balance: null,
    balanceThreshold: null,
    initialBalance: null,
    ...overrides,
  };
}
