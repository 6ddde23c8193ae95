import pino from 'pino';
import type { ProviderCallContext } from '../provider-adapter.js';
import type { UpstreamAccount } from '../upstream-account.js';
import { getDispatcher } from './get-dispatcher.js';

/** Test support: a call context with a silent logger and the shared direct dispatcher. */
export function testCallContext(overrides: Partial<ProviderCallContext> = {}): ProviderCallContext {
  return {
    requestId: 'req-test',
    signal: new AbortController().signal,
    logger: pino({ level: 'silent' }),
    dispatcher: getDispatcher(),
    warnings: [],
    saveCredentials: async () => undefined,
    clientHeaders: {},
    ...overrides,
  };
}

/** Test support: an account pointed at a fake upstream. */
export function testAccount(overrides: Partial<UpstreamAccount> & Pick<UpstreamAccount, 'provider' | 'baseUrl'>): UpstreamAccount {
  return {
    id: 'acc-1',
    name: 'test account',
    credentials: { api_key: 'sk-test-secret-key' },
    settings: {},
    ...overrides,
  };
}
