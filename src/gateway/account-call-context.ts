import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AccountRecord } from '../accounts/account-record.js';
import { getDispatcher } from '../providers/http/get-dispatcher.js';
import type { ProviderCallContext } from '../providers/provider-adapter.js';
import type { AccountCredentials } from '../providers/upstream-account.js';

/** A call context for work done on an account outside a client request (balance, health probe, test). */
export function accountCallContext(
  account: AccountRecord,
  deps: { logger: Logger; saveCredentials(accountId: string, update: Partial<AccountCredentials>): Promise<void> },
  timeoutMs = 30_000,
): ProviderCallContext {
  const requestId = `job-${randomUUID()}`;
  return {
    requestId,
    signal: AbortSignal.timeout(timeoutMs),
    logger: deps.logger.child({ requestId, accountId: account.id, provider: account.provider }),
    dispatcher: getDispatcher(account.upstream.proxyUrl),
    warnings: [],
    saveCredentials: (update) => deps.saveCredentials(account.id, update),
    clientHeaders: {},
  };
}
